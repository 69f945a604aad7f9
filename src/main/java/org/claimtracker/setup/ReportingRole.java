package org.claimtracker.setup;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.claimtracker.core.Hosts;
import org.postgresql.PGConnection;

/**
 * The read-only login of report writers, {@code claims_reporting}: its password and its limits.
 *
 * <p>The role belongs to the whole PostgreSQL server, not to one database, so every tracker (and
 * every test run) on a server shares it. Its password is therefore changed only when
 * TRACKER_REPORTING_PASSWORD says so; when the set-up creates the role on a server that only this
 * machine can reach, it gets the published local password so that the README's psql example works
 * out of the box. That published password is refused for any other server.
 *
 * <p>The limits are filled in where the role has none, and never replace what an administrator set.
 */
public final class ReportingRole {

    public static final String NAME = "claims_reporting";
    public static final String PUBLISHED_PASSWORD = "reporting-local-only";

    /** Sessions at once: report writers and BI tools, well below the server's max_connections. */
    public static final int CONNECTION_LIMIT = 10;

    /**
     * Session defaults (a session may change the first two: PostgreSQL has no way to stop a role
     * from setting them) and the temporary file limit, which only a superuser may change.
     */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("statement_timeout", "2min"),
            new Setting("idle_in_transaction_session_timeout", "10min"),
            new Setting("temp_file_limit", "2GB"));

    public record Setting(String name, String value) {
    }

    private ReportingRole() {
    }

    /**
     * Whether the server can only be reached from this machine: the URL names it by a loopback
     * address and it listens on loopback addresses only (or on no TCP address at all). Only then is
     * a password that anyone can read in the README acceptable.
     */
    public static boolean local(List<String> urlHosts, String listenAddresses) {
        if (urlHosts.isEmpty() || !urlHosts.stream().allMatch(Hosts::loopback)) {
            return false;
        }
        return Arrays.stream(listenAddresses.split(",")).map(String::trim).filter(a -> !a.isEmpty())
                .allMatch(Hosts::loopback);
    }

    /**
     * Creates the role when missing, sets its password when one is configured (or, on creation on a
     * local server, the published one), and fills in missing limits.
     */
    static void ensure(Connection admin, SetupSettings settings, PrintStream out) throws SQLException {
        ensure(admin, settings, local(settings.hosts(), listenAddresses(admin)), out);
    }

    /** As above, with the verdict on the server's reach given. */
    static void ensure(Connection admin, SetupSettings settings, boolean local, PrintStream out) throws SQLException {
        String configured = settings.reportingPassword();
        if (PUBLISHED_PASSWORD.equals(configured) && !local) {
            throw new SetupException("TRACKER_REPORTING_PASSWORD is the published password '" + PUBLISHED_PASSWORD
                    + "', which is refused for a server other machines can reach (" + String.join(",", settings.hosts())
                    + ", listening on '" + listenAddresses(admin) + "'): choose a password of your own");
        }
        boolean created = create(admin);
        String password = configured;
        if (created) {
            out.println("tracker: created the read-only reporting role " + NAME);
            if (password == null && local) {
                password = PUBLISHED_PASSWORD;
                out.println("tracker: its password is the local one, " + PUBLISHED_PASSWORD
                        + " (this server only listens on this machine)");
            } else if (password == null) {
                out.println("tracker: it has no password yet: set TRACKER_REPORTING_PASSWORD to let report writers log in");
            }
        }
        if (password != null) {
            admin.unwrap(PGConnection.class).alterUserPassword(NAME, password.toCharArray(), "scram-sha-256");
            if (!created) {
                out.println("tracker: set the password of " + NAME + " from TRACKER_REPORTING_PASSWORD");
            }
        } else if (!local && ScramVerifier.matches(storedVerifier(admin), PUBLISHED_PASSWORD)) {
            out.println("tracker: WARNING: the password of " + NAME + " is the published '" + PUBLISHED_PASSWORD
                    + "' on a server other machines can reach: set TRACKER_REPORTING_PASSWORD (the set-up then changes it)");
        }
        limit(admin, out);
    }

    /**
     * In the tracker's database: large objects are the one thing any role may create without a
     * privilege on a table, so a session that switched off its read-only default could write them.
     * Creating them is taken from PUBLIC there (the tracker uses none).
     */
    static void restrictIn(Connection db) throws SQLException {
        for (String creator : List.of("lo_creat(integer)", "lo_create(oid)", "lo_from_bytea(oid, bytea)")) {
            boolean allowed;
            try (PreparedStatement query = db.prepareStatement("select has_function_privilege(?, ?, 'EXECUTE')")) {
                query.setString(1, NAME);
                query.setString(2, creator);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    allowed = row.getBoolean(1);
                }
            }
            if (allowed) {
                try (Statement statement = db.createStatement()) {
                    statement.execute("revoke execute on function " + creator + " from public");
                }
            }
        }
    }

    /** The role's stored password verifier (readable by a superuser only; null otherwise or without one). */
    static String storedVerifier(Connection admin) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(
                "select rolpassword from pg_authid where rolname = ?")) {
            query.setString(1, NAME);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                return null;
            }
            throw e;
        }
    }

    private static String listenAddresses(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement(); ResultSet row = statement.executeQuery("show listen_addresses")) {
            row.next();
            return row.getString(1);
        }
    }

    /** Creates the role as migration V3 defines it; false when it exists already. */
    private static boolean create(Connection admin) throws SQLException {
        if (exists(admin)) {
            return false;
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("create role " + NAME + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit");
        } catch (SQLException e) {
            if ("42710".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("alter role " + NAME + " set default_transaction_read_only = on");
            statement.execute("alter role " + NAME + " set search_path = reporting");
        }
        return true;
    }

    private static boolean exists(Connection admin) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            query.setString(1, NAME);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void limit(Connection admin, PrintStream out) throws SQLException {
        int connectionLimit;
        List<String> configured = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("""
                select r.rolconnlimit, coalesce(s.setconfig, '{}')
                  from pg_roles r left join pg_db_role_setting s on s.setrole = r.oid and s.setdatabase = 0
                 where r.rolname = ?""")) {
            query.setString(1, NAME);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                connectionLimit = row.getInt(1);
                for (String item : (String[]) row.getArray(2).getArray()) {
                    configured.add(item.substring(0, item.indexOf('=')));
                }
            }
        }
        List<String> added = new ArrayList<>();
        try (Statement statement = admin.createStatement()) {
            if (connectionLimit < 0) {
                statement.execute("alter role " + NAME + " connection limit " + CONNECTION_LIMIT);
                added.add(CONNECTION_LIMIT + " connections");
            }
            for (Setting setting : SETTINGS) {
                if (!configured.contains(setting.name())) {
                    statement.execute("alter role " + NAME + " set " + setting.name() + " = '" + setting.value() + "'");
                    added.add(setting.name() + " " + setting.value());
                }
            }
        }
        if (!added.isEmpty()) {
            out.println("tracker: limits of " + NAME + ": " + String.join(", ", added));
        }
    }
}
