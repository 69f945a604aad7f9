package org.claimtracker.position;

import java.time.LocalDate;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;

/**
 * A claim as it concerns one party: the claim, and the party's position and latest response. With a
 * scope (parts, members) the latest response is the deciding one among the parties in scope, and
 * {@code respondent} names who gave it; with scope self it is the party itself. Null without a response.
 */
public record PartyClaim(long claimId, @Nullable String ref, String proposition, ClaimKind kind, LocalDate statedOn, Ref claimant,
        @Nullable Ref addressedParty, @Nullable Ref incident, Position position, @Nullable LatestResponse latestResponse,
        @Nullable Ref respondent) {
}
