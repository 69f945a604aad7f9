package org.claimtracker.search;

/**
 * What a search hit is: an article (title and text), a claim (proposition), a quote of a claim's
 * source, a response (its quote and note), an incident (title and place) or a party (name and
 * aliases).
 */
public enum SearchKind {
    article, claim, quote, response, incident, party
}
