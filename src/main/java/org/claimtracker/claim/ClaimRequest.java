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
import org.jetbrains.annotations.Nullable;

/** What a client may set on a claim. The sources given replace the stored ones. */
public record ClaimRequest(
        @Size(max = 120) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._:/-]*$",
                message = "must be letters, digits and . _ : / - (starting with a letter or digit)") @Nullable String ref,
        @NotNull @Positive Long claimantId,
        @Positive @Nullable Long speakerId,
        @Positive @Nullable Long addressedPartyId,
        @NotBlank @Size(max = 4000) String proposition,
        @NotNull ClaimKind kind,
        @NotNull LocalDate statedOn,
        @Positive @Nullable Long incidentId,
        @Min(0) @Max(100_000_000) @Nullable Integer casualtiesLow,
        @Min(0) @Max(100_000_000) @Nullable Integer casualtiesHigh,
        @Nullable Grading grading,
        @Size(max = 4000) @Nullable String gradingNote,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid QuoteRequest> sources,
        @Schema(hidden = true, description = "Ignored by the API, which takes the version from If-Match") Long version) {

    /** The request that would record the claim as it stands (the base a merge patch applies to). */
    public static ClaimRequest of(Claim claim) {
        return new ClaimRequest(claim.getRef(), claim.getClaimant().getId(), idOf(claim.getSpeaker()),
                idOf(claim.getAddressedParty()), claim.getProposition(), claim.getKind(), claim.getStatedOn(),
                claim.getIncident() == null ? null : claim.getIncident().getId(), claim.getCasualtiesLow(),
                claim.getCasualtiesHigh(), claim.getGrading(), claim.getGradingNote(),
                claim.getSources().stream().map(s -> new QuoteRequest(s.getArticle().getId(), s.getQuote(),
                        s.getQuoteStart(), s.getQuoteEnd())).toList(), null);
    }

    private static Long idOf(org.claimtracker.party.Party party) {
        return party == null ? null : party.getId();
    }

    /** The same request, made against the given version of the record. */
    public ClaimRequest withVersion(Long expected) {
        return new ClaimRequest(ref, claimantId, speakerId, addressedPartyId, proposition, kind, statedOn, incidentId, casualtiesLow, casualtiesHigh, grading, gradingNote, sources, expected);
    }
}
