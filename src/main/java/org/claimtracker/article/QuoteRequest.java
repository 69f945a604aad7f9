package org.claimtracker.article;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jetbrains.annotations.Nullable;

/**
 * A verbatim quote from a stored article. {@code start} (and optionally {@code end}) are code-point
 * offsets into the article's text; without them the quote must occur exactly once.
 */
public record QuoteRequest(
        @NotNull @Positive Long articleId,
        @NotBlank @Size(max = 4000) String quote,
        @Min(0) @Nullable Integer start,
        @Min(0) @Nullable Integer end) {
}
