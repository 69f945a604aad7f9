package org.claimtracker.claim;

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
import org.claimtracker.core.Refs;
import org.claimtracker.party.Party;

/** What a client may set on a claim. The sources given replace the stored ones. */
public record ClaimRequest(
        @Size(max = Refs.MAX_LENGTH) @Pattern(regexp = Refs.PATTERN, message = Refs.HINT) @Nullable String ref,
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
        @NotEmpty @Size(max = 50) List<@NotNull @Valid QuoteRequest> sources) {

    /** The request that would record the claim as it stands (the base a merge patch applies to). */
    public static ClaimRequest of(Claim claim) {
        return new ClaimRequest(claim.ref, claim.claimant.id, idOf(claim.speaker),
                idOf(claim.addressedParty), claim.proposition, claim.kind, claim.statedOn,
                claim.incident == null ? null : claim.incident.id, claim.casualtiesLow,
                claim.casualtiesHigh, claim.grading, claim.gradingNote,
                claim.sources.stream().map(s -> new QuoteRequest(s.passage.article.id, s.passage.quote,
                        s.passage.quoteStart, s.passage.quoteEnd)).toList());
    }

    private static Long idOf(Party party) {
        return party == null ? null : party.id;
    }
}
