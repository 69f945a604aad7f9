package org.claimtracker.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jetbrains.annotations.Nullable;

/** A new API token: a name to recognise it by, and how many days it lives (default 30, at most 365). */
public record TokenRequest(
        @Size(max = 100) @Nullable String name,
        @Min(1) @Max(365) @Nullable Integer days) {
}
