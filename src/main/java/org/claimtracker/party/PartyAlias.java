package org.claimtracker.party;

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
import org.claimtracker.core.Actors;

/** Another name a party goes by (IS, ISIS, ISIL and Daesh are one party). Edited through its party. */
@Entity
@Table(name = "party_alias")
public class PartyAlias {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "party_alias_seq")
    @SequenceGenerator(name = "party_alias_seq", sequenceName = "party_alias_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "party_id", nullable = false)
    private Party party;

    @Column(nullable = false, length = 200)
    private String alias;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    protected PartyAlias() {
    }

    public PartyAlias(Party party, String alias) {
        this.party = party;
        this.alias = alias;
    }

    @PrePersist
    void stampCreation() {
        createdAt = OffsetDateTime.now();
        createdBy = Actors.current();
    }

    public Long getId() {
        return id;
    }

    public Party getParty() {
        return party;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }
}
