package org.claimtracker.claim;

/**
 * The analyst's own verdict on a claim (Airwars' scale), kept apart from what any party said.
 */
public enum Grading {
    unassessed, confirmed, fair, weak, contested, discounted
}
