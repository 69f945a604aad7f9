package org.claimtracker.party;

import org.claimtracker.core.Versioned;
import java.util.List;
import org.claimtracker.core.AuditInfo;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;

/**
 * A party with its aliases, its parent and the parties it is parent of, the groups it belongs to
 * ({@code memberships}) and, for a group, its members.
 */
public record PartyView(long id, String name, PartyKind kind, List<String> aliases, @Nullable Ref parent, @Nullable String description,
        List<Ref> children, List<MembershipView> memberships, List<MembershipView> members, long version,
        AuditInfo audit) implements Versioned {
}
