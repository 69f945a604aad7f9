package org.claimtracker.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import org.junit.jupiter.api.Test;

/**
 * The reporting role's password is the configured one, and a new one takes effect. The server
 * may trust local connections without a password, so the stored SCRAM verifier is checked instead
 * of logging in.
 */
@QuarkusTest
class ReportingPasswordTest {

    private static final Pattern SCRAM = Pattern.compile("SCRAM-SHA-256\\$(\\d+):([^$]+)\\$([^:]+):(.+)");

    @Inject
    ReportingPassword reportingPassword;

    private static String storedVerifier() {
        return (String) Sql.rows("select rolpassword from pg_authid where rolname = 'claims_reporting'").get(0)
                .get("rolpassword");
    }

    /** Whether a SCRAM-SHA-256 verifier (RFC 5802, as PostgreSQL stores it) was made from this password. */
    static boolean verifies(String verifier, String password) throws GeneralSecurityException {
        Matcher m = SCRAM.matcher(verifier == null ? "" : verifier);
        if (!m.matches()) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(m.group(2));
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, Integer.parseInt(m.group(1)), 256))
                .getEncoded();
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(salted, "HmacSHA256"));
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac.doFinal("Client Key".getBytes(UTF_8)));
        return Arrays.equals(storedKey, Base64.getDecoder().decode(m.group(3)));
    }

    @Test
    void theConfiguredPasswordIsAppliedAtStartAndANewOneReplacesIt() throws GeneralSecurityException {
        String configured = Sql.reportingPassword();
        assertTrue(verifies(storedVerifier(), configured), "the configured password is the role's");
        try {
            assertTrue(reportingPassword.apply("another secret, with 'quotes'"));
            assertTrue(verifies(storedVerifier(), "another secret, with 'quotes'"));
            assertFalse(verifies(storedVerifier(), configured));
        } finally {
            reportingPassword.apply(configured);
        }
        assertTrue(verifies(storedVerifier(), configured));
    }
}
