package org.claimtracker.position;

import java.time.LocalDate;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.common.Ref;

/** A claim as it concerns one party: the claim, and the party's position and latest response. */
public record PartyClaim(long claimId, String ref, String proposition, ClaimKind kind, LocalDate statedOn, Ref claimant,
        Ref addressedParty, Ref incident, Position position, LatestResponse latestResponse) {
}
