package org.claimtracker.setup;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;
import org.postgresql.PGConnection;

/**
 * Prepares a PostgreSQL server and database for the tracker, so that the tracker itself never
 * needs an administrator: {@code ./tracker} runs it before every command that uses the database
 * ({@code ./tracker setup} alone), and the tests run it for their own database.
 *
 * <p>As the administrator (TRACKER_DB_ADMIN_USER, {@code postgres} by default) it
 * <ol>
 * <li>creates the tracker's login role (TRACKER_DB_USER, {@code claimtracker}: no superuser, no role
 * or database creation), its NOLOGIN guard role, and the reporting role with its limits;</li>
 * <li>creates the database, owned by the guard, with the tracker's rights to connect, create
 * schemas and use temporary tables;</li>
 * <li>hands the tracker's role every object another role owns (a database that was migrated by
 * {@code postgres} before this set-up existed becomes the same as a new one);</li>
 * <li>applies the pending migrations as the tracker's role, except those that manage server-wide
 * roles (V3 creates the reporting role), which run as the administrator;</li>
 * <li>gives the audit trail to the guard and leaves the tracker reading and adding to it.</li>
 * </ol>
 * Each step only acts when something differs, so a set-up with nothing to do changes nothing and
 * takes no lock on the tracker's tables.
 *
 * <p>Without an administrator (TRACKER_DB_ADMIN_USER set empty: a database administrator made the
 * roles and the database) it only applies pending migrations, as the tracker's role.
 */
public final class DatabaseSetup {

    /** Migrations that create or alter server-wide roles, which the tracker's role may not do. */
    static final Set<String> ADMINISTRATOR_MIGRATIONS = Set.of("3");

    private static final String LOCATION = "classpath:db/migration";

    private final SetupSettings settings;
    private final PrintStream out;

    public DatabaseSetup(SetupSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** {@code ./tracker setup}: the settings from the environment; messages on standard error, nothing on standard output. */
    public static void main(String[] args) {
        PrintStream err = System.err;
        System.setOut(err);
        // ./tracker puts no logging library on the class path, so Flyway falls back to this one.
        LogFactory.setFallbackLogCreator(type -> new PrintedLog(err));
        try {
            new DatabaseSetup(SetupSettings.fromEnvironment(System.getenv()), err).run();
        } catch (SetupException e) {
            err.println("tracker: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    public void run() {
        try {
            if (settings.adminUser() == null) {
                Flyway flyway = flyway(settings.appRole(), settings.appPassword(), false);
                if (flyway.info().pending().length > 0) {
                    applyPending(flyway);
                }
                return;
            }
            try (Connection server = connect(settings.maintenanceUrl(), settings.adminUser(), settings.adminPassword())) {
                // Roles belong to the whole server: one set-up at a time changes them. Every set-up
                // takes these locks in the maintenance database, whatever database it prepares.
                withLock(server, "claimtracker setup: roles", () -> {
                    roles(server);
                    ReportingRole.ensure(server, settings, out);
                });
                withLock(server, "claimtracker setup: " + settings.database(), () -> {
                    database(server);
                    try (Connection db = connect(settings.url(), settings.adminUser(), settings.adminPassword())) {
                        Ownership ownership = new Ownership(db, settings, out);
                        ownership.schemaPublic();
                        ownership.handOver(false);
                        Flyway flyway = flyway(settings.adminUser(), settings.adminPassword(), true);
                        if (flyway.info().pending().length > 0) {
                            // A migration may change the audit trail; only its owner may, so the
                            // tracker's role has it back while the migrations run, and not a moment longer.
                            try {
                                ownership.handOver(true);
                                applyPending(flyway);
                                ownership.handOver(false);
                            } finally {
                                ownership.guardAuditTrail();
                            }
                        } else {
                            ownership.guardAuditTrail();
                        }
                        ownership.reportingDefaults();
                        ReportingRole.restrictIn(db);
                    }
                });
            }
        } catch (SQLException e) {
            throw new SetupException("the database set-up failed (" + settings + "): " + e.getMessage(), e);
        } catch (FlywayException e) {
            throw new SetupException("the migrations failed (" + settings + "): " + e.getMessage(), e);
        }
    }

    /** The tracker's role, created when missing; refused when it holds more than a tracker needs. */
    private void roles(Connection server) throws SQLException {
        String app = settings.appRole();
        String guard = settings.guardRole();
        Role existing = role(server, app);
        if (existing == null) {
            execute(server, "create role " + Sql.ident(app) + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls",
                    "42710");
            out.println("tracker: created the login role " + app + " that the tracker connects as");
        } else if (existing.powerful()) {
            throw new SetupException("the role " + app + " (TRACKER_DB_USER) is a superuser or may create roles, replicate or"
                    + " bypass row security; the tracker runs as a role without such rights (by default " + SetupSettings.DEFAULT_APP_ROLE
                    + ", which the set-up creates): choose another TRACKER_DB_USER");
        }
        if (settings.appPassword() != null) {
            server.unwrap(PGConnection.class).alterUserPassword(app, settings.appPassword().toCharArray(),
                    "scram-sha-256");
        }
        Role guardRole = role(server, guard);
        if (guardRole == null) {
            execute(server, "create role " + Sql.ident(guard) + " nologin", "42710");
            out.println("tracker: created the role " + guard + " (no login) that keeps the audit trail out of " + app + "'s reach");
        } else if (guardRole.canLogin() || guardRole.powerful()) {
            throw new SetupException("the role " + guard + " can log in or holds administrator rights; it must be a plain NOLOGIN"
                    + " role, since it owns the audit trail");
        }
        try (PreparedStatement query = server.prepareStatement("select pg_has_role(?, ?, 'MEMBER')")) {
            query.setString(1, app);
            query.setString(2, guard);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if (row.getBoolean(1)) {
                    throw new SetupException("the role " + app + " is a member of " + guard + ", so it could change the audit"
                            + " trail: revoke that membership");
                }
            }
        }
    }

    private record Role(boolean powerful, boolean canLogin) {
    }

    private static Role role(Connection server, String name) throws SQLException {
        try (PreparedStatement query = server.prepareStatement(
                "select rolsuper or rolcreaterole or rolreplication or rolbypassrls, rolcanlogin from pg_roles where rolname = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new Role(row.getBoolean(1), row.getBoolean(2)) : null;
            }
        }
    }

    /** The database, owned by the guard; the tracker may connect, create schemas and use temporary tables. */
    private void database(Connection server) throws SQLException {
        String name = settings.database();
        String owner;
        try (PreparedStatement query = server.prepareStatement("select pg_get_userbyid(datdba) from pg_database where datname = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                owner = row.next() ? row.getString(1) : null;
            }
        }
        if (owner == null) {
            execute(server, "create database " + Sql.ident(name) + " owner " + Sql.ident(settings.guardRole()), "42P04");
            out.println("tracker: created the database " + name);
        } else if (!owner.equals(settings.guardRole())) {
            execute(server, "alter database " + Sql.ident(name) + " owner to " + Sql.ident(settings.guardRole()), null);
        }
        // Granted to the role itself: migration V3 takes TEMPORARY from PUBLIC, which has it by default.
        for (String privilege : new String[] {"CONNECT", "CREATE", "TEMPORARY"}) {
            try (PreparedStatement query = server.prepareStatement("""
                    select exists (select from pg_database d, aclexplode(d.datacl) a
                                    where d.datname = ? and a.grantee = to_regrole(quote_ident(?)) and a.privilege_type = ?)""")) {
                query.setString(1, name);
                query.setString(2, settings.appRole());
                query.setString(3, privilege);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        execute(server, "grant " + privilege + " on database " + Sql.ident(name) + " to " + Sql.ident(settings.appRole()),
                                null);
                    }
                }
            }
        }
    }

    /**
     * Flyway with the tracker's migrations and settings (those of application.properties). Logged
     * in as the administrator, every connection acts as the tracker's role (SET ROLE), so that what
     * the migrations create belongs to it, except during the migrations that manage roles.
     */
    private Flyway flyway(String user, String password, boolean administrator) {
        var configuration = Flyway.configure(DatabaseSetup.class.getClassLoader())
                .dataSource(settings.url(), user, password)
                .locations(LOCATION)
                .outOfOrder(true);
        if (administrator) {
            configuration.initSql("set role " + Sql.ident(settings.appRole()))
                    .callbacks(new AdministratorMigrations(settings, out));
        }
        return configuration.load();
    }

    private static void applyPending(Flyway flyway) {
        PrintedLog.migrating = true;
        try {
            flyway.migrate();
        } finally {
            PrintedLog.migrating = false;
        }
    }

    /**
     * Runs the migrations that manage roles as the administrator the connection logged in as; the
     * others run as the tracker's role. After a failed one, Flyway itself sets the role back: it
     * restores the role that was current when it opened the connection.
     */
    record AdministratorMigrations(SetupSettings settings, PrintStream out) implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return (event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE)
                    && context.getMigrationInfo() != null && context.getMigrationInfo().getVersion() != null
                    && ADMINISTRATOR_MIGRATIONS.contains(context.getMigrationInfo().getVersion().getVersion());
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try (Statement statement = context.getConnection().createStatement()) {
                if (event == Event.BEFORE_EACH_MIGRATE) {
                    statement.execute("reset role");
                    return;
                }
                // What the migration created belongs to the tracker's role before the next one runs.
                new Ownership(context.getConnection(), settings, out).handOver(true);
                statement.execute("set role " + Sql.ident(settings.appRole()));
            } catch (SQLException e) {
                throw new FlywayException("cannot switch roles around migration " + context.getMigrationInfo().getVersion(), e);
            }
        }

        @Override
        public String getCallbackName() {
            return "administrator migrations";
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    private static void withLock(Connection connection, String name, Step step) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
            lock.setString(1, name);
            lock.execute();
        }
        try {
            step.run();
        } finally {
            try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
                unlock.setString(1, name);
                unlock.execute();
            }
        }
    }

    /** Runs a statement; a failure with {@code tolerated} state (another set-up got there first) is fine. */
    private static void execute(Connection connection, String sql, String tolerated) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            if (tolerated == null || !tolerated.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "claim-tracker setup");
        properties.setProperty("connectTimeout", "10");
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new SetupException("cannot connect to " + url + " as " + user + " (TRACKER_DB_ADMIN_USER): " + e.getMessage(), e);
        }
    }

    /**
     * Flyway's messages, on standard error, for a set-up run from the command line: its warnings and
     * errors, and what it says while it migrates (a set-up with nothing to do stays quiet).
     */
    private record PrintedLog(PrintStream err) implements Log {

        static volatile boolean migrating;

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
            if (migrating) {
                err.println("tracker: flyway: " + message);
            }
        }

        @Override
        public void warn(String message) {
            err.println("tracker: flyway: " + message);
        }

        @Override
        public void error(String message) {
            err.println("tracker: flyway: " + message);
        }

        @Override
        public void error(String message, Exception e) {
            err.println("tracker: flyway: " + message + ": " + e.getMessage());
        }

        @Override
        public void notice(String message) {
            info(message);
        }
    }
}
