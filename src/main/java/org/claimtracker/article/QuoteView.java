package org.claimtracker.article;

import org.claimtracker.response.ClaimResponse;
import org.claimtracker.claim.ClaimSource;

/** A quote with the article it comes from and its code-point offsets [start, end) in the article's text. */
public record QuoteView(ArticleRef article, String quote, int start, int end) {
    /** The passage a claim was read in. */
    public static QuoteView of(ClaimSource s) {
        return new QuoteView(ArticleRef.of(s.article), s.quote, s.quoteStart, s.quoteEnd);
    }

    /** The passage a response was read in. */
    public static QuoteView of(ClaimResponse r) {
        return new QuoteView(ArticleRef.of(r.article), r.quote, r.quoteStart, r.quoteEnd);
    }
}
