package org.claimtracker.claim;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.claimtracker.article.Article;
import org.claimtracker.core.Created;

/** One article a claim was read in, with the verbatim quote and where it lies in the article's text. */
@Entity
@Table(name = "claim_source")
public class ClaimSource extends Created {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id", nullable = false)
    public Claim claim;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id", nullable = false)
    public Article article;

    @Column(nullable = false, columnDefinition = "text")
    public String quote;

    @Column(name = "quote_start", nullable = false)
    public int quoteStart;

    @Column(name = "quote_end", nullable = false)
    public int quoteEnd;

    protected ClaimSource() {
    }

    public ClaimSource(Claim claim, Article article, String quote, int quoteStart, int quoteEnd) {
        this.claim = claim;
        this.article = article;
        this.quote = quote;
        this.quoteStart = quoteStart;
        this.quoteEnd = quoteEnd;
    }

    /** Whether this source already records exactly that passage. */
    public boolean isSamePassage(Article other, int start, int end) {
        return article.id.equals(other.id) && quoteStart == start && quoteEnd == end;
    }
}
