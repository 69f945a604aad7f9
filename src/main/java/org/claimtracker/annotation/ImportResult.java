package org.claimtracker.annotation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an import of annotations: how many were read and resolved, and each one's outcome. */
@Schema(name = "AnnotationImportResult")
public record ImportResult(
        @Schema(minimum = "0", maximum = "10000") int received,
        @Schema(minimum = "0", maximum = "10000") int resolved,
        @Schema(minimum = "0", maximum = "10000") int unresolved,
        @Schema(maxItems = 10000) List<ImportOutcome> outcomes) {
}
