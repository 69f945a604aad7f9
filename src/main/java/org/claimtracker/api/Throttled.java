package org.claimtracker.api;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;

/**
 * A login refused because of too many failed attempts: an authentication failure that says how long
 * to wait, so that the answer (429 for the API, a message on the login page) can say so too.
 */
public final class Throttled {

    private static final String RETRY_AFTER = "tracker.retry-after-seconds";

    private Throttled() {
    }

    /** The failure a throttled login attempt ends with. */
    public static AuthenticationFailedException refusal(long retryAfterSeconds) {
        return new AuthenticationFailedException("too many failed logins", Map.of(RETRY_AFTER, retryAfterSeconds));
    }

    /** Seconds to wait when {@code failure} is a throttled login, else null. */
    public static Long retryAfter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationFailedException refused && refused.getAttribute(RETRY_AFTER) != null) {
                return refused.getAttribute(RETRY_AFTER);
            }
        }
        return null;
    }
}
