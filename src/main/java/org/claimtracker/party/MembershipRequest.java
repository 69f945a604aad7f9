package org.claimtracker.party;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A party's membership of a group, from and to optional dates (both inclusive). */
public record MembershipRequest(
        @NotNull @Positive Long groupId,
        LocalDate from,
        LocalDate to,
        @Size(max = 100) String role,
        @Size(max = 2000) String note,
        @Schema(hidden = true, description = "Ignored by the API, which takes the version from If-Match") Long version) {

    /** The same request, made against the given version of the record. */
    public MembershipRequest withVersion(Long expected) {
        return new MembershipRequest(groupId, from, to, role, note, expected);
    }
}
