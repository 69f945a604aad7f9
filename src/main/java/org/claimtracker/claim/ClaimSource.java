package org.claimtracker.claim;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.claimtracker.article.Passage;
import org.claimtracker.core.Created;

/** One article a claim was read in: the passage quoted from it. */
@Entity
@Table(name = "claim_source")
public class ClaimSource extends Created {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Claim claim;

    @Embedded
    public Passage passage;

    protected ClaimSource() {
    }

    public ClaimSource(Claim claim, Passage passage) {
        this.claim = claim;
        this.passage = passage;
    }
}
