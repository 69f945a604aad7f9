package org.claimtracker.party;

import java.util.List;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;

/** A party in a list. */
public record PartySummary(long id, String name, PartyKind kind, List<String> aliases, @Nullable Ref parent) {
    public static PartySummary of(Party p, List<String> aliases) {
        return new PartySummary(p.id, p.name, p.kind, aliases, Party.ref(p.parent));
    }
}
