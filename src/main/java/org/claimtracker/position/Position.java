package org.claimtracker.position;

/**
 * A party's derived position on a claim, never typed in: it follows from the party's latest
 * response by date stated (see the tracker_position function in the schema for the rule).
 * {@code contested} only arises with a {@link Scope} other than self: parties in scope disagree on
 * the latest date (tracker_scoped_positions).
 */
public enum Position {
    denied, confirmed, partially_confirmed, unresolved, withdrawn, contested
}
