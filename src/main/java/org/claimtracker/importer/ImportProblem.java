package org.claimtracker.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A refused import: an RFC 9457 problem document listing the bad rows (at most 100). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A refused import: nothing was written; every bad row found (at most 100) is listed",
        requiredProperties = {"type", "title", "status", "detail", "importId", "badRows", "errors"})
public record ImportProblem(
        @Schema(maxLength = 200) String type,
        @Schema(maxLength = 200) String title,
        @Schema(minimum = "400", maximum = "599") int status,
        @Schema(maxLength = 4000) String detail,
        @Schema(description = "The field at fault in the first bad row", maxLength = 200) String field,
        @Schema(description = "The import's id (GET /api/imports/{id})", maxLength = 40) String importId,
        @Schema(description = "How many rows are bad", minimum = "0", maximum = "9223372036854775807") long badRows,
        @Schema(maxItems = 100) List<RowError> errors) {
}
