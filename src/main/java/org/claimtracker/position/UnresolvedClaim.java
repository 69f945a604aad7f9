package org.claimtracker.position;

import java.time.LocalDate;
import org.claimtracker.core.Ref;
import org.claimtracker.response.Stance;

/** A claim its addressed party has neither denied nor confirmed, with how it stands. */
public record UnresolvedClaim(long claimId, String proposition, LocalDate statedOn, Ref claimant, Ref addressedParty,
        Stance latestStance, long daysOpen) {
}
