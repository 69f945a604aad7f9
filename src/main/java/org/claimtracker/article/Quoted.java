package org.claimtracker.article;

/** A quote checked against its article's text. */
public record Quoted(Article article, String quote, int start, int end) {

    /** The passage to store for it. */
    public Passage passage() {
        return new Passage(article, quote, start, end);
    }
}
