package org.claimtracker.response;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
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

    public String ref;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Claim claim;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Party party;

    @ManyToOne(fetch = FetchType.LAZY)
    public Party speaker;

    @Enumerated(EnumType.STRING)
    public Stance stance;

    public LocalDate statedOn;

    /** Where the party said it. */
    @Embedded
    public Passage passage;

    @ManyToOne(fetch = FetchType.LAZY)
    public Claim counterClaim;

    public String note;
}
