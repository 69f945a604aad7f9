package org.claimtracker.setup;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Who owns what in the tracker's database, run as the administrator while connected to it.
 *
 * <p>The tracker's role owns its tables, views, sequences, functions and schema {@code reporting}.
 * The guard role (NOLOGIN) owns schema {@code public}, the audit trail and the function that keeps
 * it unchanged: an owner may alter, truncate or drop its table whatever was revoked from it, and
 * a schema's owner may drop every table in it, so the audit trail and its schema must belong to a
 * role the tracker cannot become. The tracker may only read the audit trail and add to it.
 */
final class Ownership {

    /** The audit trail, and what keeps it unchanged (migration V7). */
    static final String AUDIT_TABLE = "audit_log";
    static final String AUDIT_GUARD_FUNCTION = "tracker_audit_log_unchanged()";

    private final Connection admin;
    private final String app;
    private final String guard;
    private final PrintStream out;

    Ownership(Connection admin, SetupSettings settings, PrintStream out) {
        this.admin = admin;
        this.app = settings.appRole();
        this.guard = settings.guardRole();
        this.out = out;
    }

    /** Schema public belongs to the guard; the tracker may use it and create in it. */
    void schemaPublic() throws SQLException {
        if (!owner("select nspowner from pg_namespace where nspname = 'public'").equals(guard)) {
            execute("alter schema public owner to " + Sql.ident(guard));
        }
        if (!allowed("has_schema_privilege(?, 'public', 'USAGE') and has_schema_privilege(?, 'public', 'CREATE')")) {
            execute("grant usage, create on schema public to " + Sql.ident(app));
        }
    }

    /**
     * Gives the tracker's role every object of the schemas public and reporting that another role
     * owns (a database migrated by another role, or objects a migration made as the administrator),
     * except what the guard keeps, unless {@code includingGuarded}.
     */
    void handOver(boolean includingGuarded) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("""
                with objects as (
                  select case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
                                        when 'f' then 'foreign table' else 'table' end as kind,
                         c.oid::regclass::text as name, c.relowner as owner, c.oid as objid, 'pg_class'::regclass as classid
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                   where n.nspname in ('public', 'reporting') and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                     and (? or c.oid is distinct from to_regclass(?))
                  union all
                  select case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end,
                         p.oid::regprocedure::text, p.proowner, p.oid, 'pg_proc'::regclass
                    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                   where n.nspname in ('public', 'reporting')
                     and (? or p.oid is distinct from to_regprocedure(?))
                  union all
                  select 'type', t.oid::regtype::text, t.typowner, t.oid, 'pg_type'::regclass
                    from pg_type t join pg_namespace n on n.oid = t.typnamespace
                   where n.nspname in ('public', 'reporting')
                     and (t.typtype in ('e', 'd', 'r')
                          or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c'))
                  union all
                  select 'schema', quote_ident(nspname), nspowner, oid, 'pg_namespace'::regclass
                    from pg_namespace where nspname = 'reporting')
                select format('alter %s %s owner to %I', kind, name, ?) from objects o
                 where owner <> to_regrole(?)
                   -- sequences of identity and serial columns go with their table; extensions keep their own
                   and not exists (select from pg_depend d where d.classid = o.classid and d.objid = o.objid
                                    and d.deptype in ('a', 'i', 'e'))
                 order by kind, name""")) {
            query.setBoolean(1, includingGuarded);
            query.setString(2, AUDIT_TABLE);
            query.setBoolean(3, includingGuarded);
            query.setString(4, AUDIT_GUARD_FUNCTION);
            query.setString(5, app);
            query.setString(6, Sql.ident(app));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statements.add(rows.getString(1));
                }
            }
        }
        for (String statement : statements) {
            execute(statement);
        }
        if (!statements.isEmpty()) {
            out.println("tracker: handed " + statements.size() + " object(s) of " + admin.getCatalog() + " to " + app);
        }
    }

    /**
     * The audit trail to the guard, and the tracker's rights on it down to reading and adding: no
     * update, delete or truncate. The audit triggers run as the role whose change they record, so
     * adding is what they need.
     */
    void guardAuditTrail() throws SQLException {
        if (!exists("select to_regclass(?) is not null", AUDIT_TABLE)) {
            return;
        }
        boolean changed = false;
        if (!owner("select relowner from pg_class where oid = to_regclass('" + AUDIT_TABLE + "')").equals(guard)) {
            execute("alter table " + AUDIT_TABLE + " owner to " + Sql.ident(guard));
            changed = true;
        }
        if (exists("select to_regprocedure(?) is not null", AUDIT_GUARD_FUNCTION)
                && !owner("select proowner from pg_proc where oid = to_regprocedure('" + AUDIT_GUARD_FUNCTION + "')").equals(guard)) {
            execute("alter function " + AUDIT_GUARD_FUNCTION + " owner to " + Sql.ident(guard));
            changed = true;
        }
        boolean appendOnly = allowed("""
                has_table_privilege(?, 'audit_log', 'SELECT') and has_table_privilege(?, 'audit_log', 'INSERT')
                and not has_table_privilege(?, 'audit_log', 'UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
                and not has_any_column_privilege(?, 'audit_log', 'UPDATE')""");
        if (!appendOnly) {
            execute("revoke all on " + AUDIT_TABLE + " from " + Sql.ident(app));
            execute("grant select, insert on " + AUDIT_TABLE + " to " + Sql.ident(app));
            changed = true;
        }
        if (changed) {
            out.println("tracker: the audit trail of " + admin.getCatalog() + " belongs to " + guard + "; " + app
                    + " may only read it and add to it");
        }
    }

    /** Views the tracker's role adds to schema reporting are readable by the reporting role without a grant each. */
    void reportingDefaults() throws SQLException {
        if (!exists("select to_regnamespace('reporting') is not null", null)) {
            return;
        }
        boolean present = exists("""
                select 1 from pg_default_acl d
                 where d.defaclrole = to_regrole(quote_ident(?)) and d.defaclnamespace = to_regnamespace('reporting')
                   and d.defaclobjtype = 'r'
                   and exists (select from aclexplode(d.defaclacl) a
                                where a.grantee = to_regrole('""" + ReportingRole.NAME + "') and a.privilege_type = 'SELECT')", app);
        if (!present) {
            execute("alter default privileges for role " + Sql.ident(app) + " in schema reporting grant select on tables to "
                    + ReportingRole.NAME);
        }
    }

    private String owner(String query) throws SQLException {
        try (Statement statement = admin.createStatement();
                ResultSet row = statement.executeQuery("select pg_get_userbyid((" + query + "))")) {
            row.next();
            return row.getString(1);
        }
    }

    /** Whether the condition (whose every ? is the tracker's role) holds. */
    private boolean allowed(String condition) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("select " + condition)) {
            int markers = condition.split("\\?", -1).length - 1;
            for (int i = 1; i <= markers; i++) {
                query.setString(i, app);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private boolean exists(String sql, String parameter) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getObject(1) != null && !Boolean.FALSE.equals(row.getObject(1));
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
