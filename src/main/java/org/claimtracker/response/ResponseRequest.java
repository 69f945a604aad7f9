package org.claimtracker.response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.claimtracker.article.QuoteRequest;
import org.jetbrains.annotations.Nullable;

/**
 * What a client may set on a response. {@code counterClaimId} links the claim this response makes
 * instead ("it was not us, it was them").
 */
public record ResponseRequest(
        @Size(max = 120) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._:/-]*$",
                message = "must be letters, digits and . _ : / - (starting with a letter or digit)") @Nullable String ref,
        @NotNull @Positive Long claimId,
        @NotNull @Positive Long partyId,
        @Positive @Nullable Long speakerId,
        @NotNull Stance stance,
        @NotNull LocalDate statedOn,
        @NotNull @Valid QuoteRequest source,
        @Positive @Nullable Long counterClaimId,
        @Size(max = 4000) @Nullable String note,
        @Schema(hidden = true, description = "Ignored by the API, which takes the version from If-Match") Long version) {

    /** The request that would record the response as it stands (the base a merge patch applies to). */
    public static ResponseRequest of(ClaimResponse response) {
        return new ResponseRequest(response.getRef(), response.getClaim().getId(), response.getParty().getId(),
                response.getSpeaker() == null ? null : response.getSpeaker().getId(), response.getStance(),
                response.getStatedOn(), new QuoteRequest(response.getArticle().getId(), response.getQuote(),
                        response.getQuoteStart(), response.getQuoteEnd()),
                response.getCounterClaim() == null ? null : response.getCounterClaim().getId(), response.getNote(), null);
    }

    /** The same request, made against the given version of the record. */
    public ResponseRequest withVersion(Long expected) {
        return new ResponseRequest(ref, claimId, partyId, speakerId, stance, statedOn, source, counterClaimId, note, expected);
    }
}
