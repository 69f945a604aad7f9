package org.claimtracker.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers, for a short while, tokens that were found valid, so that a REST client does not cost
 * a database lookup on every request. Every instance serving the database forgets a token when it
 * is revoked or its account changes (disabled, new password, new role): the database announces the
 * change on commit and {@link AuthChanges} hears it, within milliseconds. The cache is used only
 * while that listener is connected; {@link #TTL} bounds an entry's life in any case.
 */
@ApplicationScoped
public class VerifiedTokens {

    static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(SecurityIdentity identity, String username, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Counts the forgettings, so that a lookup that raced one is not remembered (see {@link #generation}). */
    private final AtomicLong forgotten = new AtomicLong();

    /** Whether changes made elsewhere reach this instance (the listener is connected); without them nothing is kept. */
    private volatile boolean hearing;

    public SecurityIdentity lookup(String tokenHash) {
        if (!hearing) {
            return null;
        }
        Entry entry = entries.get(tokenHash);
        if (entry == null || entry.expiresAt() < System.nanoTime()) {
            return null;
        }
        return entry.identity();
    }

    /**
     * Taken before a token is read from the database: {@link #remember} keeps the answer only if
     * nothing was forgotten since, since a revocation that committed after the read but was heard
     * before the answer is remembered would otherwise be undone by it.
     */
    long generation() {
        return forgotten.get();
    }

    void remember(String tokenHash, String username, SecurityIdentity identity, Duration validFor, long generation) {
        if (!hearing || forgotten.get() != generation) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Duration keep = validFor.compareTo(TTL) < 0 ? validFor : TTL;
        entries.put(tokenHash, new Entry(identity, username, System.nanoTime() + keep.toNanos()));
    }

    void forgetToken(String tokenHash) {
        forgotten.incrementAndGet();
        entries.remove(tokenHash);
    }

    /** Forgets every token of an account (its role changed, or it was disabled). */
    public void forgetAccount(String username) {
        forgotten.incrementAndGet();
        entries.values().removeIf(entry -> entry.username().equals(username));
    }

    /** Forgets everything, and keeps nothing until {@code hearing} again (changes may have been missed meanwhile). */
    void hearing(boolean hearing) {
        forgotten.incrementAndGet();
        entries.clear();
        this.hearing = hearing;
    }

    boolean hearing() {
        return hearing;
    }
}
