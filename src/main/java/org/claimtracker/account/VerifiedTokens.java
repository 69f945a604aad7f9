package org.claimtracker.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short while, tokens that were found valid, so that a REST client does not cost
 * a database lookup on every request. Revoking a token or changing its account forgets it at once
 * on this instance; other instances forget it within {@link #TTL}.
 */
@ApplicationScoped
public class VerifiedTokens {

    static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(SecurityIdentity identity, String username, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public SecurityIdentity lookup(String tokenHash) {
        Entry entry = entries.get(tokenHash);
        if (entry == null || entry.expiresAt() < System.nanoTime()) {
            return null;
        }
        return entry.identity();
    }

    void remember(String tokenHash, String username, SecurityIdentity identity, Duration validFor) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Duration keep = validFor.compareTo(TTL) < 0 ? validFor : TTL;
        entries.put(tokenHash, new Entry(identity, username, System.nanoTime() + keep.toNanos()));
    }

    void forgetToken(String tokenHash) {
        entries.remove(tokenHash);
    }

    /** Forgets every token of an account (its role changed, or it was disabled). */
    public void forgetAccount(String username) {
        entries.values().removeIf(entry -> entry.username().equals(username));
    }
}
