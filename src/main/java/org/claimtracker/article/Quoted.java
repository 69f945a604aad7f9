package org.claimtracker.article;

/** A quote checked against its article's text. */
public record Quoted(Article article, String quote, int start, int end) {
}
