package org.claimtracker.article;

/** A quote with the article it comes from and its code-point offsets [start, end) in the article's text. */
public record QuoteView(ArticleRef article, String quote, int start, int end) {
}
