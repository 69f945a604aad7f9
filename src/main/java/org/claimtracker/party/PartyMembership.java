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
import java.time.LocalDate;
import org.claimtracker.core.Audited;

/** A party's membership of a group (a state in a coalition), between two optional dates. */
@Entity
@Table(name = "party_membership")
public class PartyMembership extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "party_membership_seq")
    @SequenceGenerator(name = "party_membership_seq", sequenceName = "party_membership_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id", nullable = false)
    private Party member;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id", nullable = false)
    private Party memberOf;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(length = 100)
    private String role;

    @Column(columnDefinition = "text")
    private String note;

    public Long getId() {
        return id;
    }

    public Party getMember() {
        return member;
    }

    public void setMember(Party member) {
        this.member = member;
    }

    public Party getMemberOf() {
        return memberOf;
    }

    public void setMemberOf(Party memberOf) {
        this.memberOf = memberOf;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
