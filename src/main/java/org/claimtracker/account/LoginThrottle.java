package org.claimtracker.account;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after too many failed logins for one username, or from one
 * address, within a window, further attempts are refused until the oldest failure leaves the
 * window, whether or not the password is right. A successful login clears the username's count.
 * Counts live in memory, per instance.
 */
@ApplicationScoped
public class LoginThrottle {

    @ConfigProperty(name = "tracker.login.max-failures-per-user", defaultValue = "5")
    int maxPerUser;

    @ConfigProperty(name = "tracker.login.max-failures-per-address", defaultValue = "20")
    int maxPerAddress;

    @ConfigProperty(name = "tracker.login.window", defaultValue = "PT15M")
    Duration window;

    private static final String RETRY_AFTER = "tracker.retry-after-seconds";

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

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

    /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
    public long waitSeconds(String username, String address) {
        long now = System.nanoTime();
        return Math.max(wait("user:" + username, maxPerUser, now), wait("address:" + address, maxPerAddress, now));
    }

    public void failed(String username, String address) {
        long now = System.nanoTime();
        record("user:" + username, now);
        record("address:" + address, now);
    }

    public void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private long wait(String key, int max, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) {
                return 0;
            }
            long freeAt = times.peekFirst() + window.toNanos();
            return Math.max(1, Duration.ofNanos(freeAt - now).toSeconds());
        }
    }

    private void record(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() + window.toNanos() < now) {
            times.removeFirst();
        }
    }
}
