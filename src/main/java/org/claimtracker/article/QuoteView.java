package org.claimtracker.article;

/** A quote with the article it comes from and its code-point offsets [start, end) in the article's text. */
public record QuoteView(ArticleRef article, String quote, int start, int end) {
    /** The passage a claim or a response was read in. */
    public static QuoteView of(Passage p) {
        return new QuoteView(ArticleRef.of(p.article), p.quote, p.quoteStart, p.quoteEnd);
    }
}
