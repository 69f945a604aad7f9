package org.claimtracker.party;

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
    public Party member;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    public Party memberOf;

    public LocalDate validFrom;

    public LocalDate validTo;

    public String role;

    public String note;
}
