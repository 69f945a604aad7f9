package org.claimtracker.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short while, credentials that passed the bcrypt check, so that a REST client
 * sending HTTP Basic on every request pays for bcrypt (deliberately slow) once a minute, not on
 * every call. Only a salted SHA-256 of the password is kept, in memory. Changing or disabling an
 * account forgets it at once on this instance; other instances forget it within {@link #TTL}.
 */
@ApplicationScoped
public class VerifiedCredentials {

    static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] digest, SecurityIdentity identity, long expiresAt) {
    }

    private final byte[] salt = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedCredentials() {
        new SecureRandom().nextBytes(salt);
    }

    SecurityIdentity lookup(String username, String password) {
        Entry entry = entries.get(username);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAt() < System.nanoTime() || !MessageDigest.isEqual(entry.digest(), digest(password))) {
            return null;
        }
        return entry.identity();
    }

    void remember(String username, String password, SecurityIdentity identity) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(username, new Entry(digest(password), identity, System.nanoTime() + TTL.toNanos()));
    }

    public void forget(String username) {
        entries.remove(username);
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
