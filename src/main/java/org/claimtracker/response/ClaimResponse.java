package org.claimtracker.response;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.claimtracker.article.Passage;
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

    @Column(length = 120)
    public String ref;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id", nullable = false)
    public Claim claim;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "party_id", nullable = false)
    public Party party;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "speaker_id")
    public Party speaker;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Stance stance;

    @Column(name = "stated_on", nullable = false)
    public LocalDate statedOn;

    /** Where the party said it. */
    @Embedded
    public Passage passage;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "counter_claim_id")
    public Claim counterClaim;

    @Column(columnDefinition = "text")
    public String note;
}
