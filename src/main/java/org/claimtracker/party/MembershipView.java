package org.claimtracker.party;

import org.claimtracker.common.Versioned;
import java.time.LocalDate;
import org.claimtracker.common.Ref;
import org.jetbrains.annotations.Nullable;

public record MembershipView(long id, Ref member, Ref group, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String role, @Nullable String note,
        long version) implements Versioned {
}
