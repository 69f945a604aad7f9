package org.claimtracker.position;

import java.time.LocalDate;
import org.claimtracker.core.Ref;
import org.claimtracker.response.Stance;
import org.jetbrains.annotations.Nullable;

/**
 * One party's standing on a claim: its role, its latest stance (if it responded) and the position
 * that follows. A claimant standing by its own claim has no position.
 */
public record PartyPosition(Ref party, Role role, @Nullable Position position, @Nullable Stance latestStance, @Nullable LocalDate statedOn,
        @Nullable Long responseId) {
}
