package org.claimtracker.account;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears, on a connection of its own, what the database announces on the channel
 * {@value #CHANNEL} (triggers of migration V19, in the transaction of the change: a token revoked
 * or changed, an account disabled, given a new password or role), and has {@link VerifiedTokens}
 * forget what it covers. So a change made on any instance, or in plain SQL, takes effect on every
 * instance as soon as it commits.
 *
 * <p>One daemon thread waits for notifications (at most {@link #WAIT_MS} at a time, then checks the
 * connection with a query). When the connection is lost it connects again, waiting a little longer
 * after each failure (up to {@link #MAX_BACKOFF_MS}); meanwhile, and until it listens again, the
 * cache is empty and unused, since changes may pass unheard.
 */
@ApplicationScoped
public class AuthChanges {

    static final String CHANNEL = "tracker_auth";
    private static final Logger LOG = Logger.getLogger(AuthChanges.class);
    private static final int WAIT_MS = 10_000;
    private static final long MAX_BACKOFF_MS = 10_000;

    @Inject
    VerifiedTokens verified;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;
    private final CountDownLatch firstConnection = new CountDownLatch(1);

    void onStart(@Observes StartupEvent event) throws InterruptedException {
        running = true;
        thread = new Thread(this::listen, "tracker-auth-changes");
        thread.setDaemon(true);
        thread.start();
        // Serving may begin before the listener connects (the cache stays unused until then); a
        // short wait makes the usual start begin with the cache on.
        firstConnection.await(5, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        long backoff = 250;
        boolean lost = false;
        while (running) {
            try (Connection open = connect()) {
                connection = open;
                try (Statement statement = open.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                verified.hearing(true);
                firstConnection.countDown();
                if (lost) {
                    LOG.infof("Listening for token and account changes again (channel %s)", CHANNEL);
                    lost = false;
                }
                backoff = 250;
                PGConnection pg = open.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MS);
                    if (notifications == null || notifications.length == 0) {
                        try (Statement check = open.createStatement()) {
                            check.execute("select 1");
                        }
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        apply(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                verified.hearing(false);
                if (!running) {
                    return;
                }
                if (!lost) {
                    LOG.warnf("Not hearing token and account changes (%s); verified tokens are checked in the database"
                            + " on every request until the listener connects again", e.getMessage());
                    lost = true;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            } finally {
                connection = null;
            }
        }
        verified.hearing(false);
    }

    /** What one notification says: {@code token:<hash>} or {@code account:<username>}; anything else empties the cache. */
    void apply(String payload) {
        if (payload.startsWith("token:")) {
            verified.forgetToken(payload.substring("token:".length()));
        } else if (payload.startsWith("account:")) {
            verified.forgetAccount(payload.substring("account:".length()));
        } else {
            verified.hearing(verified.hearing());
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "claim-tracker listener");
        properties.setProperty("connectTimeout", "3");
        // A server that vanished without closing the connection fails the check query after this long.
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        Connection open = new org.postgresql.Driver().connect(url, properties);
        if (open == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        open.setAutoCommit(true);
        return open;
    }

    /** Whether the listener is connected now. */
    public boolean listening() {
        return verified.hearing();
    }
}
