package org.claimtracker.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimtracker.core.Actors;
import org.claimtracker.core.Hosts;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * With defaults the tracker serves only this machine; served to others, it refuses to start while
 * a starter account still has the password the README publishes.
 */
@QuarkusTest
class PublishedPasswordsTest {

    @Inject
    StarterAccounts starter;

    @Inject
    AccountService accounts;

    @ConfigProperty(name = "quarkus.http.host")
    String host;

    @Test
    void theDefaultHostIsThisMachineOnly() {
        assertEquals("localhost", host);
        assertTrue(Hosts.loopback(host));
        for (String local : List.of("localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]")) {
            assertTrue(Hosts.loopback(local), local);
        }
        for (String reachable : List.of("0.0.0.0", "::", "192.168.1.5", "tracker.example.org", "128.0.0.1")) {
            assertFalse(Hosts.loopback(reachable), reachable);
        }
    }

    @Test
    void accountsStillUsingTheirPublishedPasswordAreFound() {
        String username = "published-" + UUID.randomUUID().toString().substring(0, 8);
        Actors.runAs("test", () -> accounts.create(new AccountRequest(username, "Published", username + "-local-only",
                AccountRole.viewer, true, null)));
        Map<String, String> published = new LinkedHashMap<>(StarterAccounts.PUBLISHED);
        published.put(username, username + "-local-only");
        assertEquals(List.of(username), starter.withPassword(published),
                "the test profile's starter accounts have passwords of their own; this one has its published one");
        assertEquals(Map.of("admin", "admin-local-only", "analyst", "analyst-local-only", "viewer", "viewer-local-only"),
                StarterAccounts.PUBLISHED, "the README's table");
    }
}
