package org.claimtracker.annotation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jetbrains.annotations.Nullable;

/**
 * A passage imported from an annotation tool, as the article's reader lists it: the words, where
 * they stand, the annotation's own note, and the link that opens the claim form with them filled in.
 */
public record CandidateView(long id, long articleId, String quote, int start, int end, @Nullable String note,
        @Nullable String origin, String createdBy, String createdAt) {

    /** The claim form, its first source filled in with this article, quote and start. */
    public String claimLink() {
        return "/admin/claims/new?articleId=" + articleId + "&quote=" + encoded(quote) + "&start=" + start;
    }

    /** Percent-encoded for a query (a space as %20: the tracker reads a + in a query as a plus sign). */
    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The response form, filled in the same way. */
    public String responseLink() {
        return "/admin/responses/new?articleId=" + articleId + "&quote=" + encoded(quote) + "&start=" + start;
    }

    /** The anchor of the passage in the reader. */
    public String anchor() {
        return "quote-" + start + "-" + end;
    }
}
