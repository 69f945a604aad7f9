package org.claimtracker.party;

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
        Long version) {
}
