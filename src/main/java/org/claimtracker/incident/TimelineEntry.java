package org.claimtracker.incident;

import org.claimtracker.response.ClaimResponse;
import org.claimtracker.party.Party;
import org.claimtracker.claim.Claim;
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

    /** The claim being made, with its sources. */
    public static TimelineEntry of(Claim c, List<QuoteView> sources) {
        return new TimelineEntry(c.statedOn, Type.claim, ClaimRef.of(c), Party.ref(c.claimant),
                Party.ref(c.addressedParty), c.kind, null, null, null, null, sources);
    }

    /** A response to one of the incident's claims, with its source. */
    public static TimelineEntry of(ClaimResponse r) {
        return new TimelineEntry(r.statedOn, Type.response, ClaimRef.of(r.claim), Party.ref(r.party), null, null,
                r.id, r.stance, ClaimRef.of(r.counterClaim), r.note, List.of(QuoteView.of(r.passage)));
    }
}
