package org.claimtracker.report;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Sets the password of the read-only reporting role (created by migration V3) from configuration
 * at every start.
 *
 * Why at start and not in a migration: a Flyway placeholder would put the password into a
 * versioned script that runs once (a changed password would never arrive) or into a repeatable
 * one that reruns only when its text changes, and the value would end up in scripts and the
 * migration history. Applying it here makes a changed TRACKER_REPORTING_PASSWORD take effect at
 * the next start. The driver hashes the password (SCRAM-SHA-256) before sending it, so the
 * plain text never reaches the server or its statement log.
 *
 * The role belongs to the whole server: every tracker (and test run) on one server sets it, so
 * they must agree on the password. An empty value leaves the password alone, for servers where a
 * database administrator manages it.
 */
@ApplicationScoped
public class ReportingPassword {

    public static final String ROLE = "claims_reporting";

    private static final Logger LOG = Logger.getLogger(ReportingPassword.class);

    @ConfigProperty(name = "tracker.reporting.password")
    Optional<String> password;

    @Inject
    DataSource dataSource;

    void onStart(@Observes StartupEvent event) {
        password.ifPresentOrElse(this::apply,
                () -> LOG.infof("No reporting password configured; the password of role %s is left as it is", ROLE));
    }

    /**
     * Gives the role this password. A tracker whose database user may not alter roles still
     * starts (the API does not need the role), and says what is wrong.
     */
    public boolean apply(String newPassword) {
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(PGConnection.class).alterUserPassword(ROLE, newPassword.toCharArray(), "scram-sha-256");
            return true;
        } catch (SQLException e) {
            LOG.warnf("Cannot set the password of the reporting role %s (does the database user have CREATEROLE?): %s",
                    ROLE, e.getMessage());
            return false;
        }
    }
}
