package org.claimtracker.claim;

import org.claimtracker.article.ArticleRef;

/** One source of a claim: the article and the quote at code-point offsets [start, end). */
public record SourceView(long id, ArticleRef article, String quote, int start, int end) {
    public static SourceView of(ClaimSource s) {
        return new SourceView(s.id, ArticleRef.of(s.passage.article), s.passage.quote, s.passage.quoteStart,
                s.passage.quoteEnd);
    }
}
