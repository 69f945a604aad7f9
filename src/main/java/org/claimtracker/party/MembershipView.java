package org.claimtracker.party;

import org.claimtracker.common.Versioned;
import java.time.LocalDate;
import org.claimtracker.common.Ref;

public record MembershipView(long id, Ref member, Ref group, LocalDate from, LocalDate to, String role, String note,
        long version) implements Versioned {
}
