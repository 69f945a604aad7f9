package org.claimtracker.core;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;

/**
 * Tells the database who is acting, each time a connection is taken from the pool for a request or
 * a task, so that the audit triggers record the account (see V4__create_audit_log.sql).
 *
 * The setting lives as long as the database session, so a connection that last served the same
 * account needs no round trip: the value each physical connection holds is remembered here. It is
 * remembered only when it was set outside a transaction (committed at once); a value set inside a
 * transaction would be undone by a rollback, so then the connection is forgotten and set again the
 * next time it is taken.
 */
@ApplicationScoped
public class ActorOnConnection implements AgroalPoolInterceptor {

    /** Physical connection (compared by identity: the driver does not override equals) to the actor it holds. */
    private final Map<PGConnection, String> actorOf = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void onConnectionAcquire(Connection connection) {
        String actor = Actors.current();
        try {
            PGConnection physical = connection.unwrap(PGConnection.class);
            if (Objects.equals(actorOf.get(physical), actor)) {
                return;
            }
            try (PreparedStatement statement = connection.prepareStatement("select set_config('tracker.actor', ?, false)")) {
                statement.setString(1, actor);
                statement.execute();
            }
            if (connection.getAutoCommit()) {
                actorOf.put(physical, actor);
            } else {
                actorOf.remove(physical);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot name the acting account to the database", e);
        }
    }

    @Override
    public void onConnectionDestroy(Connection connection) {
        try {
            actorOf.remove(connection.unwrap(PGConnection.class));
        } catch (SQLException e) {
            // Nothing to forget: the entry goes with the connection object anyway (weak key).
        }
    }
}
