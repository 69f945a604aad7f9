package org.claimtracker.export;

import org.claimtracker.claim.Grading;

/**
 * How an analyst's grading is published as a schema.org Rating: a number from 1 (worst) to 5 (best)
 * and a word (alternateName, the text search engines show). The order is the grading scale's own,
 * from the most to the least supported: confirmed (the accused party accepted it, or the evidence is
 * conclusive), fair (credible, consistent reports), weak (a single source or thin evidence),
 * contested (other parties are credibly blamed as well), discounted (shown to be wrong). An
 * unassessed claim is not graded and has no review.
 */
public record ReviewRating(int value, String name) {

    public static final int BEST = 5;
    public static final int WORST = 1;

    /** The rating of a grading; null for unassessed, which is no review. */
    public static ReviewRating of(Grading grading) {
        return switch (grading) {
            case confirmed -> new ReviewRating(5, "Confirmed");
            case fair -> new ReviewRating(4, "Fair");
            case weak -> new ReviewRating(3, "Weak");
            case contested -> new ReviewRating(2, "Contested");
            case discounted -> new ReviewRating(1, "Discounted");
            case unassessed -> null;
        };
    }
}
