package org.claimtracker.setup;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a password against a stored SCRAM-SHA-256 verifier (RFC 5802, as PostgreSQL keeps it in
 * pg_authid), without logging in: a server that trusts local connections accepts any password, so
 * a login proves nothing about it.
 */
public final class ScramVerifier {

    private static final Pattern SCRAM = Pattern.compile("SCRAM-SHA-256\\$(\\d+):([^$]+)\\$([^:]+):(.+)");

    private ScramVerifier() {
    }

    /** Whether the verifier was made from this password; false for no verifier or another kind. */
    public static boolean matches(String verifier, String password) {
        Matcher m = SCRAM.matcher(verifier == null ? "" : verifier);
        if (!m.matches()) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(m.group(2));
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, Integer.parseInt(m.group(1)), 256))
                    .getEncoded();
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(salted, "HmacSHA256"));
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac.doFinal("Client Key".getBytes(UTF_8)));
            return Arrays.equals(storedKey, Base64.getDecoder().decode(m.group(3)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
