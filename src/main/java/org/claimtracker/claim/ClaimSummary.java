package org.claimtracker.claim;

import org.claimtracker.incident.Incident;
import org.claimtracker.party.Party;
import java.time.LocalDate;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;

/** A claim in a list. {@code incident} names the incident by its title. */
public record ClaimSummary(long id, @Nullable String ref, Ref claimant, @Nullable Ref addressedParty, String proposition, ClaimKind kind,
        LocalDate statedOn, @Nullable Ref incident, @Nullable Integer casualtiesLow, @Nullable Integer casualtiesHigh, Grading grading) {
    public static ClaimSummary of(Claim c) {
        return new ClaimSummary(c.id, c.ref, Party.ref(c.claimant), Party.ref(c.addressedParty), c.proposition, c.kind,
                c.statedOn, Incident.ref(c.incident), c.casualtiesLow, c.casualtiesHigh, c.grading);
    }
}
