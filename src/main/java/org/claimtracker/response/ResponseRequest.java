package org.claimtracker.response;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.claimtracker.article.QuoteRequest;
import org.jetbrains.annotations.Nullable;
import org.claimtracker.core.Refs;

/**
 * What a client may set on a response. {@code counterClaimId} links the claim this response makes
 * instead ("it was not us, it was them").
 */
public record ResponseRequest(
        @Size(max = Refs.MAX_LENGTH) @Pattern(regexp = Refs.PATTERN, message = Refs.HINT) @Nullable String ref,
        @NotNull @Positive Long claimId,
        @NotNull @Positive Long partyId,
        @Positive @Nullable Long speakerId,
        @NotNull Stance stance,
        @NotNull LocalDate statedOn,
        @NotNull @Valid QuoteRequest source,
        @Positive @Nullable Long counterClaimId,
        @Size(max = 4000) @Nullable String note) {

    /** The request that would record the response as it stands (the base a merge patch applies to). */
    public static ResponseRequest of(ClaimResponse response) {
        return new ResponseRequest(response.ref, response.claim.id, response.party.id,
                response.speaker == null ? null : response.speaker.id, response.stance,
                response.statedOn, new QuoteRequest(response.passage.article.id, response.passage.quote,
                        response.passage.quoteStart, response.passage.quoteEnd),
                response.counterClaim == null ? null : response.counterClaim.id, response.note);
    }
}
