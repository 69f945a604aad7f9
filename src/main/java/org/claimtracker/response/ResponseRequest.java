package org.claimtracker.response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.claimtracker.article.QuoteRequest;

/**
 * What a client may set on a response. {@code counterClaimId} links the claim this response makes
 * instead ("it was not us, it was them").
 */
public record ResponseRequest(
        @Size(max = 120) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._:/-]*$",
                message = "must be letters, digits and . _ : / - (starting with a letter or digit)") String ref,
        @NotNull @Positive Long claimId,
        @NotNull @Positive Long partyId,
        @Positive Long speakerId,
        @NotNull Stance stance,
        @NotNull LocalDate statedOn,
        @NotNull @Valid QuoteRequest source,
        @Positive Long counterClaimId,
        @Size(max = 4000) String note,
        @Schema(hidden = true, description = "Ignored by the API, which takes the version from If-Match") Long version) {

    /** The same request, made against the given version of the record. */
    public ResponseRequest withVersion(Long expected) {
        return new ResponseRequest(ref, claimId, partyId, speakerId, stance, statedOn, source, counterClaimId, note, expected);
    }
}
