package org.claimtracker.position;

/**
 * A party's derived position on a claim, never typed in: it follows from the party's latest
 * response by date stated (see the tracker_position function in the schema for the rule).
 */
public enum Position {
    denied, confirmed, partially_confirmed, unresolved, withdrawn
}
