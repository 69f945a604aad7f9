package org.claimtracker.claim;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.claimtracker.article.Article;
import org.claimtracker.core.Actors;

/** One article a claim was read in, with the verbatim quote and where it lies in the article's text. */
@Entity
@Table(name = "claim_source")
public class ClaimSource {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_source_seq")
    @SequenceGenerator(name = "claim_source_seq", sequenceName = "claim_source_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id", nullable = false)
    private Claim claim;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id", nullable = false)
    private Article article;

    @Column(nullable = false, columnDefinition = "text")
    private String quote;

    @Column(name = "quote_start", nullable = false)
    private int quoteStart;

    @Column(name = "quote_end", nullable = false)
    private int quoteEnd;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    protected ClaimSource() {
    }

    public ClaimSource(Claim claim, Article article, String quote, int quoteStart, int quoteEnd) {
        this.claim = claim;
        this.article = article;
        this.quote = quote;
        this.quoteStart = quoteStart;
        this.quoteEnd = quoteEnd;
    }

    @PrePersist
    void stampCreation() {
        createdAt = OffsetDateTime.now();
        createdBy = Actors.current();
    }

    public Long getId() {
        return id;
    }

    public Claim getClaim() {
        return claim;
    }

    public Article getArticle() {
        return article;
    }

    public String getQuote() {
        return quote;
    }

    public int getQuoteStart() {
        return quoteStart;
    }

    public int getQuoteEnd() {
        return quoteEnd;
    }

    /** Whether this source already records exactly that passage. */
    public boolean isSamePassage(Article other, int start, int end) {
        return article.getId().equals(other.getId()) && quoteStart == start && quoteEnd == end;
    }
}
