package org.claimtracker.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jetbrains.annotations.Nullable;

/**
 * One recorded change: who made it and when, to which record ({@code table} and {@code recordId};
 * a claim's sources and a party's aliases and memberships are filed under their claim or party),
 * the values before and after (database column names), and which of them changed.
 */
public record HistoryEntry(long id, OffsetDateTime at, String actor, String action, String table, long recordId,
        @Schema(implementation = Map.class, additionalProperties = Schema.True.class,
                description = "The record's columns before the change (database column names); null when it was created")
        @Nullable JsonNode before,
        @Schema(implementation = Map.class, additionalProperties = Schema.True.class,
                description = "The record's columns after the change; null when it was deleted")
        @Nullable JsonNode after,
        List<String> changed) {
}
