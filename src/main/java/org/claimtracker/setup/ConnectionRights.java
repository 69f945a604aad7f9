package org.claimtracker.setup;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Says at start when the tracker's database connection can do more than the tracker needs: a
 * superuser (anything on the whole server), or a role that may change or delete the audit trail.
 * The tracker still starts, since the set-up is its operator's choice, but says how to fix it.
 */
@ApplicationScoped
public class ConnectionRights {

    private static final Logger LOG = Logger.getLogger(ConnectionRights.class);

    @Inject
    DataSource dataSource;

    void onStart(@Observes StartupEvent event) {
        for (String problem : problems()) {
            LOG.warnf("%s; run ./tracker setup and connect as the role it makes (TRACKER_DB_USER, default %s)", problem,
                    SetupSettings.DEFAULT_APP_ROLE);
        }
    }

    /** What the connection may do that it should not; empty when it is as the set-up leaves it. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        select current_user, rolsuper,
                               has_table_privilege('audit_log', 'UPDATE, DELETE, TRUNCATE')
                               or pg_has_role((select relowner from pg_class where oid = 'audit_log'::regclass), 'MEMBER')
                          from pg_roles where rolname = current_user""")) {
            row.next();
            if (row.getBoolean(2)) {
                problems.add("The tracker connects to the database as " + row.getString(1) + ", a superuser");
            }
            if (row.getBoolean(3)) {
                problems.add("The tracker's role " + row.getString(1) + " may change or delete the audit trail");
            }
        } catch (SQLException e) {
            LOG.warnf("Cannot check the rights of the tracker's database role: %s", e.getMessage());
        }
        return problems;
    }
}
