package org.claimtracker.incident;

import java.time.LocalDate;
import java.util.List;
import org.claimtracker.article.QuoteView;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.claim.ClaimRef;
import org.claimtracker.core.Ref;
import org.claimtracker.response.Stance;
import org.jetbrains.annotations.Nullable;

/**
 * One event in an incident's story: a claim being made ({@code type} claim: the claimant, whom it
 * accuses, what) or a response to one ({@code type} response: who, with which stance). Every entry
 * carries its sources.
 */
public record TimelineEntry(LocalDate date, Type type, ClaimRef claim, Ref party, @Nullable Ref addressedParty, @Nullable ClaimKind kind,
        @Nullable Long responseId, @Nullable Stance stance, @Nullable ClaimRef counterClaim, @Nullable String note, List<QuoteView> sources) {

    public enum Type {
        claim, response
    }
}
