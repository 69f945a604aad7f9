package org.claimtracker.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.setup.DatabaseSetup;
import org.claimtracker.setup.ReportingRole;
import org.claimtracker.setup.SetupSettings;

/**
 * Gives the test run a database of its own, created afresh before the application starts, so
 * that tests never touch a running tracker's data and every run starts from the same state. It is
 * prepared as {@code ./tracker} prepares the tracker's database ({@link DatabaseSetup}: roles,
 * ownership, migrations, the guarded audit trail), and the application connects as the tracker's
 * role, as it does outside the tests.
 *
 * <p>TRACKER_TEST_DB_SERVER (a JDBC URL without database name) points it at another server;
 * TRACKER_TEST_DB_NAME names it (so that two test runs on one server keep apart); TRACKER_DB_USER,
 * TRACKER_DB_PASSWORD, TRACKER_DB_ADMIN_USER and TRACKER_DB_ADMIN_PASSWORD are read as the set-up
 * reads them.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String NAME = System.getenv().getOrDefault("TRACKER_TEST_DB_NAME", "claimtracker_test");

    static String server() {
        String server = System.getenv().getOrDefault("TRACKER_TEST_DB_SERVER", "jdbc:postgresql://localhost:5432/");
        return server.endsWith("/") ? server : server + "/";
    }

    public static String url() {
        return server() + NAME;
    }

    /** The set-up's settings for the test database, from the environment as ./tracker reads it. */
    public static SetupSettings settings() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TRACKER_DB_URL", url());
        return SetupSettings.fromEnvironment(env);
    }

    /** The password report writers log in with: the configured one, or else the published local one. */
    public static String reportingPassword() {
        String configured = settings().reportingPassword();
        return configured == null ? ReportingRole.PUBLISHED_PASSWORD : configured;
    }

    /** A plain JDBC connection to the test database as the tracker's role, for tests that check rows directly. */
    public static Connection connect() throws SQLException {
        SetupSettings settings = settings();
        return DriverManager.getConnection(url(), settings.appRole(), settings.appPassword());
    }

    /**
     * The first column of every row a query answers, as text, read as the tracker's role; the
     * parameters fill the query's {@code ?} in order.
     */
    public static List<String> column(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect()) {
            return column(connection, sql, parameters);
        }
    }

    /** The whole number the query's first row answers first (a count, an id), read as the tracker's role. */
    public static long number(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(column(sql, parameters).get(0));
    }

    /**
     * Asserts that the statement's {@code insert into table (...)} names every column of the table
     * that is not generated: a column added to the table must be written by the statement too.
     */
    public static void assertInsertWritesEveryColumn(String sql, String table) throws SQLException {
        String head = "insert into " + table + " (";
        int open = sql.indexOf(head);
        org.junit.jupiter.api.Assertions.assertTrue(open >= 0, "no " + head + "...) in the statement");
        open += head.length();
        List<String> written = List.of(sql.substring(open, sql.indexOf(')', open)).split(",\\s*"));
        List<String> columns = column("select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? and is_generated = 'NEVER'"
                + " order by ordinal_position", table);
        org.junit.jupiter.api.Assertions.assertEquals(new java.util.TreeSet<>(columns),
                new java.util.TreeSet<>(written.stream().map(String::strip).toList()), table);
    }

    /** The first column of every row a query answers on this connection, as text; the parameters fill its {@code ?} in order. */
    public static List<String> column(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /** Every row a query answers on this connection, each as its columns' text joined by {@code |}. */
    public static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet result = query.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : "|").append(result.getObject(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** A connection as the administrator, for tests that look at what only it may see (role passwords) or do. */
    public static Connection connectAsAdministrator(String database) throws SQLException {
        SetupSettings settings = settings();
        return DriverManager.getConnection(server() + database, settings.adminUser(), settings.adminPassword());
    }

    @Override
    public Map<String, String> start() {
        SetupSettings settings = settings();
        try (Connection admin = connectAsAdministrator("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + NAME + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the test database " + NAME + " on " + server()
                    + "; is PostgreSQL running?", e);
        }
        // The set-up creates and alters roles every database on the server shares.
        try (Connection lock = serverWideLock(SERVER_ROLES)) {
            new DatabaseSetup(settings, System.err).run();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the server-wide lock on " + server(), e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url(),
                "quarkus.datasource.username", settings.appRole(),
                "quarkus.datasource.password", settings.appPassword() == null ? "" : settings.appPassword());
    }

    @Override
    public void stop() {
        // The database stays for inspection after a run; the next run recreates it.
    }

    /** The SQL state of a statement run on the connection, or null when it succeeded. */
    public static String stateOf(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    /** The lock name for changes to the server's roles (the tracker's and the reporting role). */
    public static final String SERVER_ROLES = "server-roles";

    /**
     * A connection that holds a server-wide lock of this name until it is closed. Tests that read
     * and put back something every database on the server shares (the reporting role's password)
     * take it, so that two test runs on one server (two checkouts, CI beside a developer) wait for
     * each other instead of seeing each other's changes. Advisory locks belong to one database, so
     * every run takes it in the server's "postgres" database.
     */
    public static Connection serverWideLock(String name) throws SQLException {
        Connection connection = connectAsAdministrator("postgres");
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
            lock.setString(1, "claimtracker-tests:" + name);
            lock.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
