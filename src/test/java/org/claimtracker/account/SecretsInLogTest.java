package org.claimtracker.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.claimtracker.core.Actors;
import org.claimtracker.support.LogCapture;
import org.junit.jupiter.api.Test;

/**
 * A failed insert does not write the values it carried to the log: an account's password hash
 * (or a token's) must not reach it, though the failure itself is logged. The insert fails in the
 * database (a NUL character, which PostgreSQL refuses in text), through Hibernate's batched insert
 * as the admin pages' account form would make it.
 */
@QuarkusTest
class SecretsInLogTest {

    @Inject
    EntityManager em;

    @Test
    void aFailedInsertLogsTheFailureButNotTheHashItCarried() {
        String hash = Passwords.hash("a password whose hash must stay out of the log");
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            assertThrows(RuntimeException.class, () -> Actors.runAs("secrets-test", () -> {
                QuarkusTransaction.requiringNew().run(() -> {
                    Account account = new Account();
                    account.username = "nul" + System.nanoTime();
                    account.displayName = "NUL \u0000 in the name";
                    account.passwordHash = hash;
                    account.role = AccountRole.viewer;
                    em.persist(account);
                    em.flush();
                });
                return null;
            }));
        } finally {
            root.removeHandler(capture);
        }
        String log = capture.text();
        assertTrue(log.contains("22021"), "the failure is logged, with PostgreSQL's error code:\n" + log);
        assertFalse(log.contains(hash), "the password hash is in the log:\n" + log);
        assertFalse(log.contains(hash.substring(7, 29)), "the hash's salt is in the log:\n" + log);
        assertFalse(log.contains("in the name"), "the row's values are in the log:\n" + log);
    }
}
