package org.claimtracker.party;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.claimtracker.core.Created;

/** Another name a party goes by (IS, ISIS, ISIL and Daesh are one party). Edited through its party. */
@Entity
@Table(name = "party_alias")
public class PartyAlias extends Created {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Party party;

    public String alias;

    protected PartyAlias() {
    }

    public PartyAlias(Party party, String alias) {
        this.party = party;
        this.alias = alias;
    }
}
