package org.claimtracker.claim;

/**
 * A claim's casualty range: the high figure is never below the low one. The API and the importer
 * both ask here (the CHECK claim_casualties_order holds the database to it too).
 */
public final class Casualties {

    public static final String FIELD = "casualtiesHigh";
    public static final String RULE = "must not be below casualtiesLow";

    private Casualties() {
    }

    /** Whether the range is in order; a missing figure leaves nothing to compare. */
    public static boolean inOrder(Integer low, Integer high) {
        return low == null || high == null || high >= low;
    }
}
