package org.claimtracker.party;

import org.claimtracker.core.Versioned;
import java.time.LocalDate;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MembershipView")
public record MembershipDetail(long id, Ref member, Ref group, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String role, @Nullable String note,
        long version) implements Versioned {
    public static MembershipDetail of(PartyMembership m) {
        return new MembershipDetail(m.id, Party.ref(m.member), Party.ref(m.memberOf), m.validFrom, m.validTo, m.role,
                m.note, m.getVersion());
    }
}
