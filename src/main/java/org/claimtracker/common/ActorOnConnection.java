package org.claimtracker.common;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Tells the database who is acting, each time a connection is taken from the pool for a request or
 * a task, so that the audit triggers record the account (see V4__create_audit_log.sql).
 */
@ApplicationScoped
public class ActorOnConnection implements AgroalPoolInterceptor {

    @Override
    public void onConnectionAcquire(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('tracker.actor', ?, false)")) {
            statement.setString(1, Actors.current());
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot name the acting account to the database", e);
        }
    }
}
