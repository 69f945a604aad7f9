package org.claimtracker.article;

import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * Words quoted verbatim from an article, with where they lie in its text: code points
 * [{@code quoteStart}, {@code quoteEnd}). A claim's source and a response each hold one, in their
 * own table's {@code article_id}, {@code quote}, {@code quote_start} and {@code quote_end} columns.
 */
@Embeddable
public class Passage {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Article article;

    public String quote;

    public int quoteStart;

    public int quoteEnd;

    protected Passage() {
    }

    public Passage(Article article, String quote, int quoteStart, int quoteEnd) {
        this.article = article;
        this.quote = quote;
        this.quoteStart = quoteStart;
        this.quoteEnd = quoteEnd;
    }

    /** Whether this is exactly that stretch of that article. */
    public boolean isAt(Article other, int start, int end) {
        return article.id.equals(other.id) && quoteStart == start && quoteEnd == end;
    }
}
