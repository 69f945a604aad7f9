package org.claimtracker.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jetbrains.annotations.Nullable;

/** Where an import stands: running, imported, checked (dry run), refused or failed. */
@Schema(description = "An import and how far it has got")
public record ImportProgress(
        @Schema(description = "The import's id", maxLength = 40) String id,
        @Schema(description = "Who started it", maxLength = 100) String actor,
        @Schema(description = "running, imported, checked (a dry run that found nothing wrong), refused (bad rows;"
                + " nothing was written) or failed", maxLength = 20) String state,
        @Schema(description = "reading, staging, checking, writing <table>, or done", maxLength = 60) String phase,
        @Schema(description = "The inputs, by name", maxItems = 1000) List<String> sources,
        @Schema(description = "Bytes read so far", minimum = "0", maximum = "9223372036854775807") long bytesRead,
        @Schema(description = "Bytes in all, when known", minimum = "0", maximum = "9223372036854775807") @Nullable Long bytesTotal,
        @Schema(description = "Rows read so far", minimum = "0", maximum = "9223372036854775807") long rowsRead,
        @Schema(description = "Rows refused so far", minimum = "0", maximum = "9223372036854775807") long badRows,
        @Schema(description = "Percent done (reading counts for the first half, writing for the second)",
                minimum = "0", maximum = "100") int percent,
        @Schema(description = "Records written per table (when imported) or that would be written (when checked)")
        @Nullable Map<String, Long> created,
        @Schema(description = "When it started") @Nullable Instant startedAt,
        @Schema(description = "When it ended") @Nullable Instant finishedAt,
        @Schema(description = "Seconds taken so far", minimum = "0", maximum = "1000000000") double seconds,
        @Schema(description = "Rows read per second", minimum = "0", maximum = "1000000000") double rowsPerSecond,
        @Schema(description = "Why it failed or was refused", maxLength = 2000) @Nullable String detail) {
}
