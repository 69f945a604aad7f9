package org.claimtracker.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Gives the test run a database of its own, created afresh before the application starts, so
 * that tests never touch a running tracker's data and every run starts from the same state.
 * TRACKER_TEST_DB_SERVER (a JDBC URL without database name), TRACKER_DB_USER and
 * TRACKER_DB_PASSWORD point it at another server; TRACKER_TEST_DB_NAME names it (so that two test
 * runs on one server keep apart).
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String NAME = System.getenv().getOrDefault("TRACKER_TEST_DB_NAME", "claimtracker_test");

    static String server() {
        String server = System.getenv().getOrDefault("TRACKER_TEST_DB_SERVER", "jdbc:postgresql://localhost:5432/");
        return server.endsWith("/") ? server : server + "/";
    }

    static String user() {
        return System.getenv().getOrDefault("TRACKER_DB_USER", "postgres");
    }

    static String password() {
        return System.getenv().getOrDefault("TRACKER_DB_PASSWORD", "");
    }

    public static String url() {
        return server() + NAME;
    }

    /** A plain JDBC connection to the test database, for tests that check rows directly. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    @Override
    public Map<String, String> start() {
        try (Connection admin = DriverManager.getConnection(server() + "postgres", user(), password());
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + NAME + " with (force)");
            statement.execute("create database " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + NAME + " on " + server()
                    + "; is PostgreSQL running?", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url(),
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", password());
    }

    @Override
    public void stop() {
        // The database stays for inspection after a run; the next run recreates it.
    }
}
