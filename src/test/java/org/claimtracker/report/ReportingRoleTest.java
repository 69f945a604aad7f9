package org.claimtracker.report;

import static org.claimtracker.support.TestDatabase.stateOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.claimtracker.setup.ReportingRole;
import org.junit.jupiter.api.Test;

/**
 * The reporting role, connected as report writers connect: it reads the reporting views and
 * nothing else, and writes nothing, even after switching off its read-only default.
 */
@QuarkusTest
class ReportingRoleTest {

    private static final List<String> BASE_TABLES = List.of("claim", "party", "article", "outlet", "response",
            "claim_source", "incident", "party_alias", "flyway_schema_history");

    @Test
    void theRoleReadsEveryReportingView() throws SQLException {
        try (Connection connection = Sql.asReportingRole()) {
            for (ReportDefinition report : ReportCatalog.all()) {
                assertEquals(null, stateOf(connection, "select * from " + report.relation() + " limit 1"), report.name());
            }
            assertEquals(null, stateOf(connection, "select * from reporting.positions_as_of(date '2020-01-01') limit 1"));
            assertEquals(null, stateOf(connection, "select count(*) from claim_positions"),
                    "the views are on the role's search path");
        }
    }

    @Test
    void readingABaseTableIsRefused() throws SQLException {
        try (Connection connection = Sql.asReportingRole()) {
            for (String table : BASE_TABLES) {
                assertEquals("42501", stateOf(connection, "select * from public." + table + " limit 1"), table);
            }
        }
    }

    /** Checked on the catalog, so that a table added later (such as accounts) is covered too. */
    @Test
    void theRoleHoldsNoPrivilegeOnAnyTableOutsideTheReportingSchema() {
        List<Map<String, Object>> granted = Sql.rows("""
                select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname not in ('pg_catalog', 'information_schema', 'reporting')
                   and c.relkind in ('r', 'v', 'm', 'p', 'f', 'S')
                   and case when c.relkind = 'S'
                            then has_sequence_privilege('claims_reporting', c.oid, 'usage, select, update')
                            else has_table_privilege('claims_reporting', c.oid, 'select, insert, update, delete, truncate')
                                 or has_any_column_privilege('claims_reporting', c.oid, 'select, insert, update') end
                """);
        assertEquals(List.of(), granted);
        assertTrue(Sql.rows("select * from pg_class where relnamespace = 'public'::regnamespace and relname = 'claim'")
                .size() == 1, "the check looks at the schema the base tables are in");
    }

    @Test
    void everyWriteIsRefused() throws SQLException {
        try (Connection connection = Sql.asReportingRole()) {
            List<String> writes = List.of(
                    "insert into public.outlet (name, kind, created_by, updated_by) values ('x', 'blog', 'x', 'x')",
                    "update public.claim set grading = 'weak'",
                    "delete from public.response",
                    "truncate public.party_alias",
                    "delete from reporting.parties",
                    "create table public.scratch (id int)",
                    "create table reporting.scratch (id int)",
                    "create temp table scratch (id int)",
                    "create view reporting.scratch as select 1 as one",
                    "create schema scratch",
                    "select lo_create(0)",
                    "select lo_from_bytea(0, 'large object')");
            for (String write : writes) {
                assertTrue(stateOf(connection, write) != null, write);
            }
            // Read-only is the role's default, but the privileges hold without it.
            assertEquals(null, stateOf(connection, "set default_transaction_read_only = off"));
            for (String write : writes) {
                String state = stateOf(connection, write);
                assertTrue(state != null && !state.equals("25006"), write + " failed only for being read-only: " + state);
            }
            assertEquals("42501", stateOf(connection, "insert into public.outlet (name, kind, created_by, updated_by)"
                    + " values ('x', 'blog', 'x', 'x')"));
            assertEquals("42501", stateOf(connection, "create temp table scratch (id int)"));
        }
    }

    /**
     * Its limits, seen from its own sessions: a statement timeout, an idle-in-transaction timeout
     * and a temporary file limit by default, a connection limit; the temporary file limit is the
     * one a session cannot lift (only a superuser may set it).
     */
    @Test
    void theRoleWorksWithinLimits() throws SQLException {
        try (Connection connection = Sql.asReportingRole()) {
            for (ReportingRole.Setting setting : ReportingRole.SETTINGS) {
                assertEquals(setting.value().toLowerCase(java.util.Locale.ROOT),
                        Sql.rows(connection, "select lower(current_setting(?)) as v", setting.name()).get(0).get("v"),
                        setting.name());
            }
            assertEquals(ReportingRole.CONNECTION_LIMIT, Sql.rows(connection,
                    "select rolconnlimit from pg_roles where rolname = current_user").get(0).get("rolconnlimit"));
            assertEquals("42501", stateOf(connection, "set temp_file_limit = -1"));
            assertEquals(null, stateOf(connection, "set default_transaction_read_only = off"));
            assertEquals("42501", stateOf(connection, "alter role current_user connection limit -1"));
        }
    }

    @Test
    void theRoleIsAPlainReadOnlyLogin() {
        Map<String, Object> role = Sql.rows("select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls,"
                + " rolcanlogin from pg_roles where rolname = 'claims_reporting'").get(0);
        assertEquals(Map.of("rolsuper", false, "rolcreaterole", false, "rolcreatedb", false, "rolreplication", false,
                "rolbypassrls", false, "rolcanlogin", true), role);
        assertEquals(List.of(), Sql.rows("select roleid from pg_auth_members m join pg_roles r on r.oid = m.member"
                + " where r.rolname = 'claims_reporting'"), "member of no role");
        try (Connection connection = Sql.asReportingRole()) {
            assertEquals("on", Sql.rows(connection, "show default_transaction_read_only").get(0)
                    .get("default_transaction_read_only"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertFalse((Boolean) Sql.rows("select has_database_privilege('claims_reporting', current_database(), 'temp') as t")
                .get(0).get("t"));
    }
}
