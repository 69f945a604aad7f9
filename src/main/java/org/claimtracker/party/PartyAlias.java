package org.claimtracker.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.claimtracker.core.Created;

/** Another name a party goes by (IS, ISIS, ISIL and Daesh are one party). Edited through its party. */
@Entity
@Table(name = "party_alias")
public class PartyAlias extends Created {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "party_id", nullable = false)
    public Party party;

    @Column(nullable = false, length = 200)
    public String alias;

    protected PartyAlias() {
    }

    public PartyAlias(Party party, String alias) {
        this.party = party;
        this.alias = alias;
    }
}
