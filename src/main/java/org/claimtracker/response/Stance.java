package org.claimtracker.response;

/**
 * What a party said about a claim, one value per response (after CAMEO codes 011/015/016/112,
 * Airwars and Wikidata practice).
 */
public enum Stance {
    asserts, confirms, partially_confirms, acknowledges, assessing, denies, counter_attributes, declines_comment, retracts
}
