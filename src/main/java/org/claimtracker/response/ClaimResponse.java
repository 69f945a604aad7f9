package org.claimtracker.response;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.claimtracker.article.Article;
import org.claimtracker.claim.Claim;
import org.claimtracker.core.Audited;
import org.claimtracker.party.Party;

/**
 * One party's stance on one claim, with its source. Responses accumulate: a later one is a new
 * record, and the latest by date stated gives the party's position.
 */
@Entity
@Table(name = "response")
public class ClaimResponse extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "response_seq")
    @SequenceGenerator(name = "response_seq", sequenceName = "response_seq", allocationSize = 50)
    private Long id;

    @Column(length = 120)
    private String ref;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id", nullable = false)
    private Claim claim;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "party_id", nullable = false)
    private Party party;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "speaker_id")
    private Party speaker;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Stance stance;

    @Column(name = "stated_on", nullable = false)
    private LocalDate statedOn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id", nullable = false)
    private Article article;

    @Column(nullable = false, columnDefinition = "text")
    private String quote;

    @Column(name = "quote_start", nullable = false)
    private int quoteStart;

    @Column(name = "quote_end", nullable = false)
    private int quoteEnd;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "counter_claim_id")
    private Claim counterClaim;

    @Column(columnDefinition = "text")
    private String note;

    public Long getId() {
        return id;
    }

    public String getRef() {
        return ref;
    }

    public void setRef(String ref) {
        this.ref = ref;
    }

    public Claim getClaim() {
        return claim;
    }

    public void setClaim(Claim claim) {
        this.claim = claim;
    }

    public Party getParty() {
        return party;
    }

    public void setParty(Party party) {
        this.party = party;
    }

    public Party getSpeaker() {
        return speaker;
    }

    public void setSpeaker(Party speaker) {
        this.speaker = speaker;
    }

    public Stance getStance() {
        return stance;
    }

    public void setStance(Stance stance) {
        this.stance = stance;
    }

    public LocalDate getStatedOn() {
        return statedOn;
    }

    public void setStatedOn(LocalDate statedOn) {
        this.statedOn = statedOn;
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

    public void setSource(Article article, String quote, int start, int end) {
        this.article = article;
        this.quote = quote;
        this.quoteStart = start;
        this.quoteEnd = end;
    }

    public Claim getCounterClaim() {
        return counterClaim;
    }

    public void setCounterClaim(Claim counterClaim) {
        this.counterClaim = counterClaim;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
