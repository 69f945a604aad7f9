package org.claimtracker.account;

import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.claimtracker.core.TrackerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets the server end admin sessions, which Quarkus' form login keeps in an encrypted cookie that
 * the server cannot take back (and renews while it is used).
 *
 * At login a second encrypted cookie, {@value #LOGIN_COOKIE}, records the moment of the login; it
 * is never renewed and counts for tracker.sessions.lifetime at most (the absolute lifetime, beside
 * the session cookie's idle timeout). Every admin request compares that moment with the account's
 * cutoff in the database, which logging out, a new password and disabling move to "now": every
 * session that logged in before then is refused, and its cookie is not renewed.
 */
@ApplicationScoped
public class Sessions {

    public static final String LOGIN_COOKIE = "tracker_login";
    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    Optional<String> sessionKey;

    @Inject
    TrackerConfig config;

    @Inject
    EntityManager em;

    private PersistentLoginManager loginCookies;
    private byte[] formKeySecret;
    private SecretKeySpec sealKey;

    @PostConstruct
    void init() {
        formKeySecret = Base64.getDecoder().decode(derive("tracker form key"));
        sealKey = new SecretKeySpec(Base64.getDecoder().decode(derive("tracker sealed values")), "AES");
        Duration lifetime = lifetime();
        long millis = lifetime.toMillis();
        loginCookies = new PersistentLoginManager(cookieKey(), LOGIN_COOKIE, millis, millis, true, "STRICT", "/",
                lifetime.toSeconds(), null);
    }

    /**
     * A key of its own for the login cookie, derived from the session key (so that instances that
     * share the session key read each other's cookies) but not equal to it.
     */
    private String cookieKey() {
        return derive(LOGIN_COOKIE);
    }

    /** A key for {@code purpose}, derived from the session key; random (for this run only) when there is none. */
    private String derive(String purpose) {
        if (sessionKey.isEmpty() || sessionKey.get().isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        }
        return derive(sessionKey.get(), purpose);
    }

    static String cookieKey(String sessionKey) {
        return derive(sessionKey, LOGIN_COOKIE);
    }

    private static String derive(String sessionKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * {@code value} encrypted and authenticated (AES-GCM) under a key derived from the session key,
     * so that any instance sharing the session key, and nobody else, can open it within
     * {@code validFor}: for what a redirect hands to the next request, which a load balancer may
     * send to another instance.
     */
    public String seal(String value, Duration validFor) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, iv));
            long until = System.currentTimeMillis() + validFor.toMillis();
            byte[] sealed = cipher.doFinal((until + "\n" + value).getBytes(StandardCharsets.UTF_8));
            byte[] whole = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, whole, 0, iv.length);
            System.arraycopy(sealed, 0, whole, iv.length, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(whole);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** What {@link #seal} sealed, if {@code sealed} is genuine and not yet expired; else null. */
    public String open(String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return null;
        }
        try {
            byte[] whole = Base64.getUrlDecoder().decode(sealed);
            if (whole.length < 12 + 16) {
                return null;
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, whole, 0, 12));
            String text = new String(cipher.doFinal(whole, 12, whole.length - 12), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            long until = Long.parseLong(text.substring(0, newline));
            return until < System.currentTimeMillis() ? null : text.substring(newline + 1);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }

    /** Records in the login cookie that the account logged in just now. */
    public void stamp(RoutingContext context, String username) {
        loginCookies.save(System.currentTimeMillis() + ":" + username, context, LOGIN_COOKIE, null,
                context.request().isSSL());
    }

    /**
     * When the session of this request logged in, in milliseconds since the epoch; null unless the
     * login cookie is genuine, belongs to {@code username} and is younger than the absolute lifetime.
     */
    public Long loginTime(RoutingContext context, String username) {
        String value = login(context);
        if (value == null) {
            return null;
        }
        int colon = value.indexOf(':');
        if (colon < 0 || !value.substring(colon + 1).equals(username)) {
            return null;
        }
        long at;
        try {
            at = Long.parseLong(value.substring(0, colon));
        } catch (NumberFormatException e) {
            return null;
        }
        long age = System.currentTimeMillis() - at;
        return age < 0 || age >= lifetime().toMillis() ? null : at;
    }

    /** What the login cookie of this request says ("login time:username"), if it is genuine; else null. */
    private String login(RoutingContext context) {
        if (context == null) {
            return null;
        }
        PersistentLoginManager.RestoreResult restored = loginCookies.restore(context, LOGIN_COOKIE);
        return restored == null ? null : restored.getPrincipal();
    }

    /**
     * A value that only this session's forms carry: an HMAC of the session's login (who, and when)
     * under a key of its own derived from the session key. Null when the request has no login.
     */
    public String formKey(RoutingContext context) {
        String value = login(context);
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(formKeySecret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The enabled account whose session logged in at {@code loginTime}, unless its sessions were ended since; else null. */
    @Transactional
    public Account sessionAccount(String username, long loginTime) {
        List<Object[]> rows = em.createQuery("select a, c.validAfter from Account a left join SessionCutoff c"
                        + " on c.accountId = a.id where a.username = :username and a.enabled = true", Object[].class)
                .setParameter("username", username).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        OffsetDateTime cutoff = (OffsetDateTime) rows.get(0)[1];
        if (cutoff != null && loginTime <= cutoff.toInstant().toEpochMilli()) {
            return null;
        }
        return (Account) rows.get(0)[0];
    }

    /** Ends every session the account has logged in to until now. */
    @Transactional
    public void endAll(long accountId) {
        em.createNativeQuery("insert into account_session_cutoff (account_id, valid_after) values (?1, ?2)"
                        + " on conflict (account_id) do update"
                        + " set valid_after = greatest(account_session_cutoff.valid_after, excluded.valid_after)")
                .setParameter(1, accountId).setParameter(2, OffsetDateTime.now()).executeUpdate();
    }

    /** The same, by username; nothing when there is no such account. */
    @Transactional
    public void endAll(String username) {
        em.createQuery("select a.id from Account a where a.username = :username", Long.class)
                .setParameter("username", username).getResultStream().findFirst().ifPresent(this::endAll);
    }

    public Duration lifetime() {
        return config.sessions().lifetime();
    }
}
