package org.claimtracker.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.article.QuoteView;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.claim.ClaimRef;
import org.claimtracker.common.Ref;
import org.claimtracker.response.Stance;

/**
 * One event in an incident's story: a claim being made ({@code type} claim: the claimant, whom it
 * accuses, what) or a response to one ({@code type} response: who, with which stance). Every entry
 * carries its sources.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(LocalDate date, Type type, ClaimRef claim, Ref party, Ref addressedParty, ClaimKind kind,
        Long responseId, Stance stance, ClaimRef counterClaim, String note, List<QuoteView> sources) {

    public enum Type {
        claim, response
    }
}
