package org.claimtracker.party;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
        @Size(max = 2000) @Nullable String note,
        @Schema(hidden = true, description = "Ignored by the API, which takes the version from If-Match") Long version) {

    /** The request that would record the membership as it stands (the base a merge patch applies to). */
    public static MembershipRequest of(PartyMembership membership) {
        return new MembershipRequest(membership.getMemberOf().getId(), membership.getValidFrom(), membership.getValidTo(),
                membership.getRole(), membership.getNote(), null);
    }

    /** The same request, made against the given version of the record. */
    public MembershipRequest withVersion(Long expected) {
        return new MembershipRequest(groupId, from, to, role, note, expected);
    }
}
