package org.claimtracker.annotation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jetbrains.annotations.Nullable;

/**
 * What became of one imported annotation: resolved to a stretch of a stored article (and listed as
 * a quote candidate in its reader), or not, with the reason.
 */
@Schema(name = "AnnotationImportOutcome")
public record ImportOutcome(
        @Schema(description = "The annotation's place in the document: [0], [1], ... in the order read") String field,
        @Schema(description = "The annotation's own id in the tool it came from, when it has one") @Nullable String annotation,
        boolean resolved,
        @Schema(enumeration = {"resolved", "position_corrected", "no_target", "unknown_article", "no_selector",
            "quote_not_found", "ambiguous_quote", "position_out_of_range", "too_long"}) String reason,
        @Schema(description = "In words: where the passage was found, or why it was not") String detail,
        @Nullable Long candidateId,
        @Schema(description = "The passage was listed before (imported earlier); nothing new was stored") boolean listedBefore,
        @Nullable Long articleId,
        @Nullable Integer start,
        @Nullable Integer end,
        @Nullable String exact) {

    static ImportOutcome unresolved(String field, @Nullable String annotation, String reason, String detail) {
        return new ImportOutcome(field, annotation, false, reason, detail, null, false, null, null, null, null);
    }
}
