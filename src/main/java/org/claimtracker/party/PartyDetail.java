package org.claimtracker.party;

import org.claimtracker.core.Versioned;
import java.util.List;
import org.claimtracker.core.AuditInfo;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A party with its aliases, its parent and the parties it is parent of, the groups it belongs to
 * ({@code memberships}) and, for a group, its members.
 */
@Schema(name = "PartyView")
public record PartyDetail(long id, String name, PartyKind kind, List<String> aliases, @Nullable Ref parent, @Nullable String description,
        List<Ref> children, List<MembershipDetail> memberships, List<MembershipDetail> members, long version,
        AuditInfo audit) implements Versioned {
    public static PartyDetail of(Party p, List<String> aliases, List<Ref> children, List<MembershipDetail> memberships,
            List<MembershipDetail> members) {
        return new PartyDetail(p.id, p.name, p.kind, aliases, Party.ref(p.parent), p.description, children,
                memberships, members, p.getVersion(), p.audit());
    }
}
