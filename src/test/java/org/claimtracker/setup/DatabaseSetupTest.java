package org.claimtracker.setup;

import static org.claimtracker.support.TestDatabase.column;
import static org.claimtracker.support.TestDatabase.stateOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.claimtracker.core.Actors;
import org.claimtracker.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database set-up that ./tracker runs: the tracker connects as a role of its own, not a
 * superuser, that cannot change or delete the audit trail; a database made before the set-up
 * existed ends up as a new one does; and the server-wide reporting role's password is changed only
 * when it is configured, never to the published one on a server others can reach.
 */
@QuarkusTest
class DatabaseSetupTest {

    @Inject
    DataSource dataSource;

    @Inject
    ConnectionRights rights;

    /** Held while a test runs: the reporting role is shared by every test run on the server. */
    private Connection reportingRoleLock;

    @BeforeEach
    void takeTheReportingRole() throws SQLException {
        reportingRoleLock = TestDatabase.serverWideLock(TestDatabase.SERVER_ROLES);
    }

    @AfterEach
    void releaseTheReportingRole() throws SQLException {
        reportingRoleLock.close();
    }

    private static String storedReportingVerifier() throws SQLException {
        try (Connection admin = TestDatabase.connectAsAdministrator("postgres")) {
            return ReportingRole.storedVerifier(admin);
        }
    }

    /** A connection of the application's pool, which names the acting account to the database as it is taken. */
    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTrackerConnectsAsAPlainRoleThatCannotRewriteTheAuditTrail() throws SQLException {
        SetupSettings settings = TestDatabase.settings();
        try (Connection connection = Actors.runAs("setup test", this::connection)) {
            assertEquals(List.of(settings.appRole() + "|false|false|false"), column(connection,
                    "select current_user || '|' || rolsuper || '|' || rolcreaterole || '|' || rolcreatedb from pg_roles"
                            + " where rolname = current_user"));
            String name = "Audited " + System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into outlet (name, kind, created_by, updated_by) values (?, 'blog', 'test', 'test')")) {
                insert.setString(1, name);
                insert.executeUpdate();
            }
            assertEquals(List.of("setup test"), column(connection,
                    "select actor from audit_log where table_name = 'outlet' and after ->> 'name' = ?", name),
                    "the audit trigger still writes, as the tracker's role");
            for (String write : List.of("update audit_log set actor = 'someone else'", "delete from audit_log",
                    "truncate audit_log", "drop table audit_log", "alter table audit_log disable trigger all",
                    "alter table audit_log rename to old_audit_log", "drop schema public cascade")) {
                String state = stateOf(connection, write);
                assertTrue("42501".equals(state), write + " gave " + state);
            }
        }
        assertEquals(List.of(), rights.problems());
    }

    @Test
    void theGuardOwnsTheAuditTrailAndTheTrackerOwnsEverythingElse() throws SQLException {
        SetupSettings settings = TestDatabase.settings();
        try (Connection admin = TestDatabase.connectAsAdministrator(TestDatabase.NAME)) {
            assertEquals(List.of(settings.guardRole() + " " + settings.guardRole() + " " + settings.guardRole()), column(admin, """
                    select pg_get_userbyid(d.datdba) || ' ' || pg_get_userbyid(n.nspowner) || ' ' || pg_get_userbyid(c.relowner)
                      from pg_database d, pg_namespace n, pg_class c
                     where d.datname = current_database() and n.nspname = 'public' and c.oid = 'audit_log'::regclass"""));
            assertEquals(List.of(), column(admin, """
                    select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname in ('public', 'reporting') and c.relkind in ('r', 'v', 'S', 'i')
                       and c.relowner <> to_regrole(?) and c.oid <> 'audit_log'::regclass
                       and c.oid not in (select indexrelid from pg_index where indrelid = 'audit_log'::regclass)
                       and c.oid <> 'audit_log_id_seq'::regclass
                    union all
                    select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                     where n.nspname in ('public', 'reporting') and p.proowner <> to_regrole(?)
                       and p.oid <> 'tracker_audit_log_unchanged()'::regprocedure
                       -- an extension's functions stay with the extension (pg_trgm's belong to the bootstrap superuser)
                       and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid
                                        and d.deptype = 'e')""", settings.appRole(), settings.appRole()));
        }
    }

    @Test
    void evenTheAdministratorIsStoppedFromChangingTheAuditTrailByMistake() throws SQLException {
        try (Connection admin = TestDatabase.connectAsAdministrator(TestDatabase.NAME)) {
            assertEquals("42501", stateOf(admin, "update audit_log set actor = actor where false"));
            assertEquals("42501", stateOf(admin, "delete from audit_log where false"));
        }
    }

    /**
     * A database migrated by {@code postgres} up to V6, as every tracker was before the set-up, is
     * handed to the tracker's role, migrated, and guarded like a new one; nothing recorded is lost.
     */
    @Test
    void aDatabaseMadeBeforeTheSetUpEndsUpLikeANewOne() throws SQLException {
        String name = TestDatabase.NAME + "_before";
        SetupSettings settings = TestDatabase.settings();
        String url = TestDatabase.url().substring(0, TestDatabase.url().lastIndexOf('/') + 1) + name;
        try (Connection server = TestDatabase.connectAsAdministrator("postgres"); Statement statement = server.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        try {
            Flyway.configure().dataSource(url, settings.adminUser(), settings.adminPassword())
                    .locations("classpath:db/migration").outOfOrder(true).target("6").load().migrate();
            try (Connection old = TestDatabase.connectAsAdministrator(name); Statement statement = old.createStatement()) {
                statement.execute("insert into outlet (name, kind, created_by, updated_by) values ('Old outlet', 'blog', 'x', 'x')");
            }
            String verifier = storedReportingVerifier();

            ByteArrayOutputStream said = new ByteArrayOutputStream();
            new DatabaseSetup(settings.withUrl(url).withReportingPassword(null), new PrintStream(said, true, StandardCharsets.UTF_8)).run();

            try (Connection admin = TestDatabase.connectAsAdministrator(name)) {
                assertEquals(List.of(latestMigration()), column(admin,
                        "select max(split_part(version, '.', 1)::int)::text from flyway_schema_history where version is not null"));
                assertEquals(List.of(settings.guardRole()), column(admin,
                        "select distinct pg_get_userbyid(relowner) from pg_class where oid = 'audit_log'::regclass"));
                assertEquals(List.of(), column(admin, """
                        select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname in ('public', 'reporting') and c.relkind in ('r', 'v') and c.relowner <> to_regrole(?)
                           and c.oid <> 'audit_log'::regclass""", settings.appRole()));
                assertEquals(List.of("db:postgres insert"), column(admin, "select actor || ' ' || action from audit_log"
                        + " where table_name = 'outlet' and after ->> 'name' = 'Old outlet'"), "the old trail is kept");
            }
            try (Connection app = java.sql.DriverManager.getConnection(url, settings.appRole(), settings.appPassword())) {
                assertEquals("42501", stateOf(app, "delete from audit_log"));
                assertEquals(null, stateOf(app, "insert into outlet (name, kind, created_by, updated_by) values ('New', 'blog', 'x', 'x')"));
                assertEquals(null, stateOf(app, "create temp table scratch (id int)"), "imports stage rows in temporary tables");
            }
            assertEquals(verifier, storedReportingVerifier(), "the reporting password is untouched");
            assertTrue(said.toString(StandardCharsets.UTF_8).contains("handed"), said.toString(StandardCharsets.UTF_8));

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            new DatabaseSetup(settings.withUrl(url).withReportingPassword(null), new PrintStream(again, true, StandardCharsets.UTF_8)).run();
            assertEquals("", again.toString(StandardCharsets.UTF_8), "a second set-up has nothing to do");
        } finally {
            try (Connection server = TestDatabase.connectAsAdministrator("postgres"); Statement statement = server.createStatement()) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    @Test
    void theReportingPasswordIsLeftAloneUnlessConfigured() throws SQLException {
        String before = storedReportingVerifier();
        new DatabaseSetup(TestDatabase.settings().withReportingPassword(null), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run();
        assertEquals(before, storedReportingVerifier(), "not even re-hashed");
    }

    /**
     * Setting it changes the stored verifier (a fresh salt), and the password it verifies is the
     * configured one. The role is shared by every database on the server, so the test sets the
     * published local password, which other test runs on this machine use, and puts back the exact
     * verifier it found.
     */
    @Test
    void aConfiguredReportingPasswordIsApplied() throws SQLException {
        String before = storedReportingVerifier();
        try {
            new DatabaseSetup(TestDatabase.settings().withReportingPassword(ReportingRole.PUBLISHED_PASSWORD),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
            String after = storedReportingVerifier();
            assertNotEquals(before, after);
            assertTrue(ScramVerifier.matches(after, ReportingRole.PUBLISHED_PASSWORD));
            assertFalse(ScramVerifier.matches(after, "another password"));
        } finally {
            restoreReportingVerifier(before);
        }
        assertEquals(before, storedReportingVerifier());
    }

    private static void restoreReportingVerifier(String verifier) throws SQLException {
        if (verifier == null) {
            return;
        }
        try (Connection admin = TestDatabase.connectAsAdministrator("postgres"); Statement statement = admin.createStatement()) {
            // PostgreSQL stores a password given in SCRAM form as it is.
            statement.execute("alter role " + ReportingRole.NAME + " password '" + verifier.replace("'", "''") + "'");
        }
    }

    @Test
    void thePublishedReportingPasswordIsRefusedForAServerOthersCanReach() throws SQLException {
        String before = storedReportingVerifier();
        SetupSettings settings = TestDatabase.settings().withReportingPassword(ReportingRole.PUBLISHED_PASSWORD);
        try (Connection admin = TestDatabase.connectAsAdministrator("postgres")) {
            SetupException refused = assertThrows(SetupException.class,
                    () -> ReportingRole.ensure(admin, settings, false, new PrintStream(new ByteArrayOutputStream())));
            assertTrue(refused.getMessage().contains("choose a password of your own"), refused.getMessage());
        }
        assertEquals(before, storedReportingVerifier());
    }

    @Test
    void localMeansNamedByALoopbackAddressAndListeningOnLoopbackOnly() {
        assertTrue(ReportingRole.local(List.of("localhost"), "localhost"));
        assertTrue(ReportingRole.local(List.of("127.0.0.1"), "127.0.0.1, ::1"));
        assertTrue(ReportingRole.local(List.of("::1"), ""), "Unix sockets only");
        assertFalse(ReportingRole.local(List.of("localhost"), "*"), "listening on every interface");
        assertFalse(ReportingRole.local(List.of("localhost"), "localhost,10.0.0.5"));
        assertFalse(ReportingRole.local(List.of("db.example.org"), "localhost"));
        assertFalse(ReportingRole.local(List.of("localhost", "10.0.0.6"), "localhost"));
    }

    @Test
    void aSuperuserIsRefusedAsTheTrackersRole() {
        SetupSettings settings = TestDatabase.settings();
        SetupSettings asSuperuser = new SetupSettings(TestDatabase.url() + "_never_made", settings.adminUser(),
                settings.adminPassword(), settings.adminUser(), settings.adminPassword(), null);
        SetupException refused = assertThrows(SetupException.class,
                () -> new DatabaseSetup(asSuperuser, new PrintStream(new ByteArrayOutputStream())).run());
        assertTrue(refused.getMessage().contains("superuser"), refused.getMessage());
    }

    @Test
    void settingsComeFromTheTrackersVariables() {
        SetupSettings defaults = SetupSettings.fromEnvironment(Map.of());
        assertEquals(List.of("claimtracker", "claimtracker_guard", "postgres", "claimtracker"),
                List.of(defaults.appRole(), defaults.guardRole(), defaults.adminUser(), defaults.database()));
        assertEquals(null, defaults.reportingPassword(), "unset: the reporting password is left alone");
        SetupSettings custom = SetupSettings.fromEnvironment(Map.of("TRACKER_DB_URL", "jdbc:postgresql://[::1]:5433,db2/tracks?ssl=true",
                "TRACKER_DB_ADMIN_USER", "", "TRACKER_REPORTING_PASSWORD", ""));
        assertEquals(List.of("::1", "db2"), custom.hosts());
        assertEquals("tracks", custom.database());
        assertEquals("jdbc:postgresql://[::1]:5433,db2/postgres?ssl=true", custom.maintenanceUrl());
        assertEquals(null, custom.adminUser(), "set empty: no administrator");
        assertEquals(null, custom.reportingPassword());
        assertFalse(custom.toString().contains("ssl"), "names the database, not the whole URL");
    }

    /** The highest major version among the versioned migrations the application carries. */
    private static String latestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("db", "migration"))) {
            return Integer.toString(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+(_\\d+)*__.*"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf('_')))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
