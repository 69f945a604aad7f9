package org.claimtracker.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.claimtracker.core.Audited;

/** A party's membership of a group (a state in a coalition), between two optional dates. */
@Entity
@Table(name = "party_membership")
public class PartyMembership extends Audited {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id", nullable = false)
    public Party member;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id", nullable = false)
    public Party memberOf;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(length = 100)
    public String role;

    @Column(columnDefinition = "text")
    public String note;
}
