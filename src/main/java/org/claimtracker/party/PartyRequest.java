package org.claimtracker.party;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/** What a client may set on a party. The aliases given replace the stored ones. */
public record PartyRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull PartyKind kind,
        @Size(max = 100) @Nullable List<@NotBlank @Size(max = 200) String> aliases,
        @Positive @Nullable Long parentId,
        @Size(max = 4000) @Nullable String description) {

    /** The request that would record the party as it stands (the base a merge patch applies to). */
    public static PartyRequest of(Party party) {
        return new PartyRequest(party.name, party.kind, party.aliases.stream().map(a -> a.alias).toList(),
                party.parent == null ? null : party.parent.id, party.description);
    }
}
