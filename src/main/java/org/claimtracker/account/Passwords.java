package org.claimtracker.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Hashing, checking and choosing account passwords.
 *
 * bcrypt reads only the first 72 bytes of what it is given, so a long passphrase would silently
 * count only as its beginning. A new password is therefore first reduced to a fixed 44 characters
 * (HMAC-SHA-256, Base64) and that is given to bcrypt; the stored hash says so with the prefix
 * {@value #PREHASHED}. Hashes without the prefix (made before) are checked as they always were.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 8;
    private static final String PREHASHED = "sha256+";
    private static final byte[] PREHASH_KEY = "claim-tracker password".getBytes(StandardCharsets.UTF_8);
    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();
    /** One short run of characters repeated: "aaaaaaaa", "12121212", "passpass". */
    private static final Pattern REPEATED = Pattern.compile("^(.{1,4})\\1+$", Pattern.DOTALL);
    private static final Pattern EDGES = Pattern.compile("^[\\d\\p{Punct}\\s]+|[\\d\\p{Punct}\\s]+$");
    private static final Pattern TRAILING = Pattern.compile("[\\d\\p{Punct}\\s]+$");
    private static final Set<String> COMMON = load("common-passwords.txt");

    /**
     * A valid hash of a password nobody knows, checked when a username is unknown so that a login
     * takes as long whether or not the account exists.
     */
    public static final String DECOY_HASH = hash("decoy password that matches nothing");

    private Passwords() {
    }

    public static String hash(String password) {
        return PREHASHED + BcryptUtil.bcryptHash(prehash(password));
    }

    public static boolean matches(String password, String hash) {
        boolean prehashed = hash.startsWith(PREHASHED);
        return bcryptMatches(prehashed ? prehash(password) : password, prehashed ? hash.substring(PREHASHED.length()) : hash);
    }

    /**
     * Why {@code password} may not be the password of {@code username}, as a sentence; null when it
     * may. Too short is for bean validation to say; this refuses what is easy to guess however long.
     */
    public static String weakness(String username, String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && (lower.equals(name) || stem(lower).equals(stem(name)))) {
            return "The password must not be the username";
        }
        if (REPEATED.matcher(password).matches()) {
            return "The password must not be one short run of characters repeated";
        }
        String end = TRAILING.matcher(lower).replaceAll("");
        for (String candidate : List.of(lower, end, stem(lower), stem(lookAlikes(end, 'i')), stem(lookAlikes(end, 'l')))) {
            if (COMMON.contains(candidate)) {
                return "This password is among the first that guessers try (or one of them with a few characters"
                        + " changed or added); choose a less usual one, such as a few unrelated words";
            }
        }
        return null;
    }

    private static String stem(String password) {
        return EDGES.matcher(password).replaceAll("");
    }

    /** The password with digits and symbols that stand for letters read as those letters ({@code one}: what "1" is). */
    private static String lookAlikes(String password, char one) {
        StringBuilder letters = new StringBuilder(password.length());
        for (char c : password.toCharArray()) {
            letters.append(switch (c) {
                case '@', '4' -> 'a';
                case '0' -> 'o';
                case '1', '!' -> one;
                case '3' -> 'e';
                case '$', '5' -> 's';
                case '7' -> 't';
                case '|' -> 'l';
                default -> c;
            });
        }
        return letters.toString();
    }

    private static String prehash(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PREHASH_KEY, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static boolean bcryptMatches(String password, String hash) {
        try {
            Password stored = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(stored.getAlgorithm(), PROVIDER);
            return factory.verify(factory.translate(stored), password.toCharArray());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = Passwords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the list " + resource + " is missing from the application");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
