package org.claimtracker.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.claimtracker.support.SecondInstance;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Two trackers started at the same moment on an empty database, as two {@code ./tracker run} would
 * be: two set-ups at once (roles, database, migrations), then two applications at once, each of
 * which creates the starter accounts when missing and loads the seeds when the database holds no
 * claim. Both come up, and each of those happens once.
 */
class StartTogetherTest {

    @Test
    void twoInstancesStartedAtOnceOnAnEmptyDatabaseBothComeUp() throws Exception {
        String name = TestDatabase.NAME + "_together";
        String url = TestDatabase.url().substring(0, TestDatabase.url().lastIndexOf('/') + 1) + name;
        SetupSettings settings = TestDatabase.settings().withUrl(url).withReportingPassword(null);
        try (Connection server = TestDatabase.connectAsAdministrator("postgres"); Statement statement = server.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
        List<SecondInstance> instances = new ArrayList<>();
        try {
            // The set-up alters roles every database on the server shares: other test runs wait.
            try (Connection lock = TestDatabase.serverWideLock(TestDatabase.SERVER_ROLES)) {
                List<CompletableFuture<String>> setups = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    setups.add(CompletableFuture.supplyAsync(() -> {
                        ByteArrayOutputStream said = new ByteArrayOutputStream();
                        new DatabaseSetup(settings, new PrintStream(said, true, StandardCharsets.UTF_8)).run();
                        return said.toString(StandardCharsets.UTF_8);
                    }));
                }
                for (CompletableFuture<String> setup : setups) {
                    setup.get();
                }
            }
            // A seed dataset of one claim: the full one would add a quarter of a minute to the test.
            Map<String, String> fresh = Map.of("tracker.seed.load", "if-empty", "tracker.accounts.starter", "true",
                    "tracker.seed.dir", Path.of("src", "test", "resources", "together-seeds").toAbsolutePath().toString());
            for (int i = 0; i < 2; i++) {
                instances.add(SecondInstance.starting(url, fresh));
            }
            for (SecondInstance instance : instances) {
                instance.awaitReady();
            }

            try (Connection db = TestDatabase.connectAsAdministrator(name)) {
                assertEquals(List.of("admin", "analyst", "viewer"),
                        TestDatabase.column(db, "select username from account order by username"));
                assertEquals(List.of("0"), TestDatabase.column(db, "select count(*) from flyway_schema_history where not success"));
                assertEquals(List.of("together-claim"), TestDatabase.column(db, "select ref from claim"));
            }
            int loads = 0;
            int created = 0;
            for (SecondInstance instance : instances) {
                String log = Files.readString(Path.of("target", "instance-" + instance.port() + ".log"));
                loads += log.split("Seed dataset loaded", -1).length - 1;
                created += log.split("Created starter account 'admin'", -1).length - 1;
            }
            assertEquals(1, loads, "one instance loads the seeds, the other finds them");
            assertEquals(1, created, "one instance creates the starter accounts");
        } finally {
            for (SecondInstance instance : instances) {
                instance.close();
            }
            try (Connection server = TestDatabase.connectAsAdministrator("postgres"); Statement statement = server.createStatement()) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        }
    }
}
