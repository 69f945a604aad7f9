package org.claimtracker.api;

import jakarta.ws.rs.core.EntityTag;
import org.claimtracker.core.ApiProblem;

/**
 * Optimistic concurrency over HTTP: every read of a record answers its version as the ETag, and
 * every update or delete must send it back in If-Match, so that a change made to an older version
 * is refused (412) instead of silently overwriting someone else's.
 */
public final class Preconditions {

    /** How the If-Match parameter is described to API clients. */
    public static final String IF_MATCH = "The ETag of the record as read: a change to an older version is refused with 412";

    private Preconditions() {
    }

    /**
     * The version an update or delete was made against. {@code If-Match: *} ("whatever is stored")
     * is refused like a missing If-Match: the tracker's promise is that no change overwrites a
     * version its author has not seen, and there is no override.
     */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(428, "Precondition required", "If-Match",
                    "Send the record's ETag (its version, as read) in If-Match, so that a newer change is not overwritten",
                    null);
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            throw new ApiProblem(428, "Precondition required", "If-Match",
                    "If-Match: * is not accepted: send the record's ETag as read, so that a change you have not seen"
                            + " is never overwritten", null);
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("If-Match", "If-Match must be the ETag of the record, such as \"3\"");
        }
    }

    public static EntityTag tagOf(long version) {
        return new EntityTag(Long.toString(version));
    }
}
