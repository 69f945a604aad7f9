package org.claimtracker.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A row the import refused: where it is, which field is at fault and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A row the import refused", requiredProperties = {"source", "line", "message"})
public record RowError(
        @Schema(description = "The file (for the command) or 'body' (for the API)", maxLength = 500) String source,
        @Schema(description = "The line of the row in its source, from 1 (for CSV, the line where the record starts)",
                minimum = "1", maximum = "9223372036854775807") long line,
        @Schema(description = "The field at fault, as named in the input (sources[1].quote for a claim's second source)",
                maxLength = 200) String field,
        @Schema(description = "What is wrong", maxLength = 2000) String message) {
}
