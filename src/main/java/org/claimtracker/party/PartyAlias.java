package org.claimtracker.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.claimtracker.core.Created;

/** Another name a party goes by (IS, ISIS, ISIL and Daesh are one party). Edited through its party. */
@Entity
@Table(name = "party_alias")
public class PartyAlias extends Created {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "party_alias_seq")
    @SequenceGenerator(name = "party_alias_seq", sequenceName = "party_alias_seq", allocationSize = 50)
    public Long id;

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
