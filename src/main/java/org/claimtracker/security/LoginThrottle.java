package org.claimtracker.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.claimtracker.core.TrackerConfig;

/**
 * Slows down password guessing without letting a stranger lock the owner out. Failed logins are
 * counted within a sliding window, per username from one address, per address, and per username
 * from everywhere; when a count is full, further attempts it covers are refused, right password or
 * not, until its oldest failure leaves the window:
 * <ul>
 * <li>a username from one address (5 by default): what one guesser can try against one account;</li>
 * <li>an address (20): what one guesser can try against all accounts;</li>
 * <li>a username from everywhere (50): what many addresses together can try against one account.
 * This block does not apply to addresses that have logged in to the account before, so the owner
 * keeps getting in while someone else guesses.</li>
 * </ul>
 * A successful login clears its username-and-address count and makes its address known. Counts
 * and known addresses live in memory, per instance.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Bounds on what is remembered, so that invented usernames and addresses cannot fill memory. */
    private static final int MAX_KEYS = 100_000;
    private static final int KNOWN_PER_USER = 10;
    private static final int MAX_KNOWN_USERS = 10_000;

    @Inject
    TrackerConfig config;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> knownAddresses = new ConcurrentHashMap<>();

    /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
    public long waitSeconds(String username, String address) {
        TrackerConfig.Login limits = config.login();
        long now = System.nanoTime();
        long wait = Math.max(wait(pair(username, address), limits.maxFailuresPerUser(), now),
                wait("address:" + address, limits.maxFailuresPerAddress(), now));
        if (!known(username, address)) {
            wait = Math.max(wait, wait("user:" + username, limits.maxFailuresPerUserEverywhere(), now));
        }
        return wait;
    }

    public void failed(String username, String address) {
        long now = System.nanoTime();
        if (failures.size() > MAX_KEYS) {
            forgetStale(now);
        }
        record(pair(username, address), now);
        record("address:" + address, now);
        record("user:" + username, now);
    }

    public void succeeded(String username, String address) {
        failures.remove(pair(username, address));
        if (knownAddresses.size() > MAX_KNOWN_USERS) {
            knownAddresses.clear();
        }
        Set<String> known = knownAddresses.computeIfAbsent(username, u -> Collections.synchronizedSet(new LinkedHashSet<>()));
        synchronized (known) {
            known.remove(address);
            known.add(address);
            if (known.size() > KNOWN_PER_USER) {
                known.remove(known.iterator().next());
            }
        }
    }

    private boolean known(String username, String address) {
        Set<String> known = knownAddresses.get(username);
        return known != null && known.contains(address);
    }

    private static String pair(String username, String address) {
        return "pair:" + username + "|" + address;
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
            long freeAt = times.peekFirst() + config.login().window().toNanos();
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

    private void forgetStale(long now) {
        failures.values().removeIf(times -> {
            synchronized (times) {
                prune(times, now);
                return times.isEmpty();
            }
        });
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() + config.login().window().toNanos() < now) {
            times.removeFirst();
        }
    }
}
