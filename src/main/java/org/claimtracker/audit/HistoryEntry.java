package org.claimtracker.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One recorded change: who made it and when, to which record ({@code table} and {@code recordId};
 * a claim's sources and a party's aliases and memberships are filed under their claim or party),
 * the values before and after (database column names), and which of them changed.
 */
public record HistoryEntry(long id, OffsetDateTime at, String actor, String action, String table, long recordId,
        JsonNode before, JsonNode after, List<String> changed) {
}
