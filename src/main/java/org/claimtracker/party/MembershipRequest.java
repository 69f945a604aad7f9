package org.claimtracker.party;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jetbrains.annotations.Nullable;

/** A party's membership of a group, from and to optional dates (both inclusive). */
public record MembershipRequest(
        @NotNull @Positive Long groupId,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Size(max = 100) @Nullable String role,
        @Size(max = 2000) @Nullable String note) {

    /** The request that would record the membership as it stands (the base a merge patch applies to). */
    public static MembershipRequest of(PartyMembership membership) {
        return new MembershipRequest(membership.memberOf.id, membership.validFrom, membership.validTo,
                membership.role, membership.note);
    }
}
