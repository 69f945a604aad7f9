package org.claimtracker.claim;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.article.QuoteRequest;

/** What a client may set on a claim. The sources given replace the stored ones. */
public record ClaimRequest(
        @Size(max = 120) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._:/-]*$",
                message = "must be letters, digits and . _ : / - (starting with a letter or digit)") String ref,
        @NotNull @Positive Long claimantId,
        @Positive Long speakerId,
        @Positive Long addressedPartyId,
        @NotBlank @Size(max = 4000) String proposition,
        @NotNull ClaimKind kind,
        @NotNull LocalDate statedOn,
        @Positive Long incidentId,
        @Min(0) @Max(100_000_000) Integer casualtiesLow,
        @Min(0) @Max(100_000_000) Integer casualtiesHigh,
        Grading grading,
        @Size(max = 4000) String gradingNote,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid QuoteRequest> sources,
        @Schema(hidden = true, description = "Ignored by the API, which takes the version from If-Match") Long version) {

    /** The same request, made against the given version of the record. */
    public ClaimRequest withVersion(Long expected) {
        return new ClaimRequest(ref, claimantId, speakerId, addressedPartyId, proposition, kind, statedOn, incidentId, casualtiesLow, casualtiesHigh, grading, gradingNote, sources, expected);
    }
}
