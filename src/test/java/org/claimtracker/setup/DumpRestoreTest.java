package org.claimtracker.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A backup made the usual way restores: pg_dump of the tracker's database, pg_restore into a new one
 * (with its empty search_path), the rows and their generated search columns and indexes all there,
 * and search finding in the copy what it found in the original.
 */
@QuarkusTest
class DumpRestoreTest {

    @Test
    void aDumpOfTheDatabaseRestoresWithItsSearchColumns() throws Exception {
        String word = "zqdump" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        Fixtures.article("Al-Bab was struck, the " + word + " report said.", LocalDate.of(2017, 2, 1));
        SetupSettings settings = TestDatabase.settings();
        URI server = URI.create(TestDatabase.url().substring("jdbc:".length()));
        String copy = TestDatabase.NAME + "_restored";
        Path dump = Files.createTempFile("tracker-", ".dump");
        try (Connection admin = TestDatabase.connectAsAdministrator("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + copy + " with (force)");
            statement.execute("create database " + copy);
        }
        try {
            run(settings, server, "pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + TestDatabase.NAME);
            run(settings, server, "pg_restore", "--exit-on-error", "--dbname=" + copy, dump.toString());
            String counts = "select (select count(*) from article) || ' ' || (select count(*) from claim) || ' '"
                    + " || (select count(*) from article where search_vector @@ tracker_search_query('" + word + "'))"
                    + " || ' ' || (select count(*) from article where search_vector @@ tracker_search_query('al bab'))";
            String original;
            try (Connection db = TestDatabase.connectAsAdministrator(TestDatabase.NAME)) {
                original = TestDatabase.column(db, counts).get(0);
            }
            try (Connection db = TestDatabase.connectAsAdministrator(copy)) {
                assertEquals(original, TestDatabase.column(db, counts).get(0), "articles, claims, search hits");
            }
            assertEquals("1", original.split(" ")[2], "the new article is found by its word");
        } finally {
            Files.deleteIfExists(dump);
            try (Connection admin = TestDatabase.connectAsAdministrator("postgres"); Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + copy + " with (force)");
            }
        }
    }

    private static void run(SetupSettings settings, URI server, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        line.add(1, "--host=" + server.getHost());
        line.add(2, "--port=" + (server.getPort() < 0 ? 5432 : server.getPort()));
        line.add(3, "--username=" + settings.adminUser());
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        if (settings.adminPassword() != null) {
            builder.environment().put("PGPASSWORD", settings.adminPassword());
        }
        File log = Files.createTempFile("tracker-dump-", ".log").toFile();
        Process process = builder.redirectOutput(log).start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        log.delete();
        assertEquals(true, done, command[0] + " did not finish in 5 minutes");
        assertEquals(0, process.exitValue(), command[0] + " failed:\n" + output);
    }
}
