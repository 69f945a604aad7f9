package org.claimtracker.replica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.claimtracker.core.Failures;
import org.jboss.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Sends reads that may be served by a streaming replica (report exports, the report list) there,
 * and every other read, and every read the replica cannot serve, to the primary.
 *
 * <p>Read-your-writes: before a read goes to the replica, the primary's flushed WAL position is
 * read, and the read waits (at most {@code wait}) until the replica has replayed up to it. So a read
 * sees every write acknowledged before it began, whichever tracker instance took the write and
 * whichever client made it; a replica that does not catch up within {@code wait} is passed over and
 * the read goes to the primary. The cost is one short statement on the primary per read.
 *
 * <p>Fallback: a replica that is down (as last checked, or when the read's connection is refused),
 * not in recovery (promoted, or not a replica at all), or lost during the read (its connection
 * broken, the statement cancelled by a conflict with recovery) sends the read to the primary; a read
 * that failed on the replica is run again from the start there. A statement that ran into the
 * export timeout is not run again.
 *
 * <p>A background thread looks at the replica every second: its state and lag are what the health
 * check and the metrics show, and a replica found down is not tried until it answers again.
 * Connections to the replica are opened for each read (reads that may go there are few and
 * long) as the tracker's own role, which a physical replica has as the primary does.
 */
public class ReplicaReads implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReplicaReads.class);

    /** How often the replica is looked at, and how often a read waiting for it to catch up asks again. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    static final Duration POLL = Duration.ofMillis(20);

    /**
     * How far the primary has flushed its WAL: every acknowledged commit is there (with
     * synchronous_commit on, PostgreSQL's default, which the tracker keeps), and the replica can be
     * sent no more. (The write position can stay a few bytes ahead of it for seconds on a quiet
     * primary, which would read as lag.)
     */
    private static final String PRIMARY_POSITION = "select pg_current_wal_flush_lsn()::text";
    private static final String CAUGHT_UP = "select pg_is_in_recovery(), pg_last_wal_replay_lsn() >= ?::pg_lsn";
    private static final String STANDBY_STATE = """
            select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,
                   extract(epoch from now() - pg_last_xact_replay_timestamp())::float8
            """;

    /** Where a read went and why. */
    public enum Server {
        REPLICA, PRIMARY
    }

    /** A connection to the primary for a read (the caller's pool: the export pool, the main one). */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection get() throws SQLException;
    }

    /** A read; run again from the start on the primary when the replica fails under it. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private final DataSource primary;
    private final PGSimpleDataSource reads;
    private final PGSimpleDataSource checks;
    private final Duration wait;
    private final MeterRegistry registry;
    private final ScheduledExecutorService checker;
    private volatile ReplicaState state;
    private Connection checking;
    /** When a check last found the replica caught up (the checker's thread only). */
    private Instant caughtUpAt;

    /**
     * {@code url} empty: no replica, every read goes to the primary. {@code primary}: the main pool,
     * for the primary's WAL position.
     */
    public ReplicaReads(Optional<String> url, String user, String password, Duration wait, DataSource primary,
            MeterRegistry registry) {
        this.primary = primary;
        this.wait = wait;
        this.registry = registry;
        if (url.isEmpty()) {
            reads = null;
            checks = null;
            checker = null;
            state = ReplicaState.notConfigured();
            return;
        }
        reads = dataSource(url.get(), user, password, 0);
        // The checks give up on a replica that stops answering mid-way.
        checks = dataSource(url.get(), user, password, 5);
        state = new ReplicaState(ReplicaState.Status.UNKNOWN, null, null, null, "not checked yet");
        Gauge.builder("tracker.replica.up", this, r -> r.state.status() == ReplicaState.Status.STREAMING ? 1 : 0)
                .description("1 when the streaming replica answers as a standby and may serve report reads, else 0")
                .register(registry);
        Gauge.builder("tracker.replica.lag.bytes", this, r -> r.state.lagBytes() == null ? Double.NaN : r.state.lagBytes())
                .description("WAL the primary had written and the replica had not replayed, at the last check")
                .baseUnit("bytes").register(registry);
        Gauge.builder("tracker.replica.lag", this, r -> r.state.lagSeconds() == null ? Double.NaN : r.state.lagSeconds())
                .description("0 when the replica had replayed all the primary had written at the last check, else how long"
                        + " the oldest change it lacked may have waited")
                .baseUnit("seconds").register(registry);
        checker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "replica-check");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static PGSimpleDataSource dataSource(String url, String user, String password, int socketTimeout) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUser(user);
        if (password != null && !password.isEmpty()) {
            source.setPassword(password);
        }
        source.setConnectTimeout(3);
        source.setLoginTimeout(5);
        source.setSocketTimeout(socketTimeout);
        source.setLogServerErrorDetail(false);
        source.setApplicationName("claim-tracker (replica reads)");
        // After the defaults: what the URL says wins.
        source.setURL(url);
        return source;
    }

    public boolean configured() {
        return reads != null;
    }

    public ReplicaState state() {
        return state;
    }

    /**
     * Runs {@code work} on the replica when it may serve it, else on a connection of {@code primaryPool};
     * when the replica fails under it, again from the start on the primary.
     */
    public <T> T read(ConnectionSource primaryPool, Work<T> work) throws SQLException, IOException {
        if (reads == null) {
            try (Connection connection = primaryPool.get()) {
                return work.run(connection);
            }
        }
        Route route = route();
        String reason = route.reason();
        if (route.replica() != null) {
            try (Connection connection = route.replica()) {
                T answer = work.run(connection);
                count(Server.REPLICA, "caught-up");
                return answer;
            } catch (SQLException e) {
                if (!lost(e)) {
                    throw e;
                }
                LOG.warnf("A read on the replica failed (%s: %s); reading from the primary instead", e.getSQLState(),
                        e.getMessage());
                reason = "failed";
            }
        }
        count(Server.PRIMARY, reason);
        try (Connection connection = primaryPool.get()) {
            return work.run(connection);
        }
    }

    /** A connection to the caught-up replica, or why the read goes to the primary. */
    private record Route(Connection replica, String reason) {
    }

    /**
     * A connection to the replica once it has replayed all the primary had written when this was
     * called; else (the replica down, not a standby, or not caught up within {@code wait}) the reason
     * the read goes to the primary.
     */
    private Route route() throws SQLException {
        ReplicaState known = state;
        if (!known.serves()) {
            return new Route(null, known.status() == ReplicaState.Status.NOT_A_STANDBY ? "not-a-standby" : "down");
        }
        String target;
        try (Connection connection = primary.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(PRIMARY_POSITION)) {
            row.next();
            target = row.getString(1);
        }
        Connection connection;
        try {
            connection = reads.getConnection();
        } catch (SQLException e) {
            LOG.debugf("The replica refused a connection: %s", e.getMessage());
            return new Route(null, "down");
        }
        String reason;
        long until = System.nanoTime() + wait.toNanos();
        try (PreparedStatement statement = connection.prepareStatement(CAUGHT_UP)) {
            statement.setString(1, target);
            while (true) {
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        reason = "not-a-standby";
                        break;
                    }
                    if (row.getBoolean(2)) {
                        return new Route(connection, null);
                    }
                }
                if (System.nanoTime() > until) {
                    reason = "lagging";
                    break;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (SQLException e) {
            LOG.debugf("The replica failed while catching up: %s", e.getMessage());
            reason = "down";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "interrupted";
        }
        closeQuietly(connection);
        return new Route(null, reason);
    }

    /** Whether a read failed because the replica did (rather than the read itself): worth running again on the primary. */
    static boolean lost(SQLException e) {
        String state = e.getSQLState();
        // 40001 and 40P01: cancelled by a conflict with recovery (WAL replay needed what the read held).
        return Failures.databaseUnavailable(e) || "40001".equals(state) || "40P01".equals(state);
    }

    private void count(Server server, String reason) {
        Counter.builder("tracker.replica.reads")
                .description("Reads that may be served by the replica, by the server that served them and why")
                .tag("server", server.name().toLowerCase(java.util.Locale.ROOT)).tag("reason", reason)
                .register(registry).increment();
    }

    /** One look at the replica (and the primary's WAL position), on the checker's thread. */
    void check() {
        ReplicaState before = state;
        ReplicaState now;
        String cause = null;
        try {
            if (checking == null) {
                checking = checks.getConnection();
            }
            String primaryPosition = primaryPosition();
            try (Statement statement = checking.createStatement();
                    ResultSet row = statement.executeQuery(STANDBY_STATE)) {
                row.next();
                if (!row.getBoolean(1)) {
                    now = new ReplicaState(ReplicaState.Status.NOT_A_STANDBY, null, null, Instant.now(),
                            "the replica's server is not in recovery (promoted, or not a replica)");
                } else {
                    String replayed = row.getString(2);
                    double age = row.getDouble(3);
                    boolean known = !row.wasNull();
                    Long bytes = primaryPosition == null || replayed == null ? null
                            : Math.max(0, Lsn.parse(primaryPosition) - Lsn.parse(replayed));
                    Instant checked = Instant.now();
                    if (bytes != null && bytes == 0) {
                        caughtUpAt = checked;
                    }
                    Double seconds = bytes == null ? null : bytes == 0 ? 0.0 : lagSeconds(known ? age : null, caughtUpAt, checked);
                    now = new ReplicaState(ReplicaState.Status.STREAMING, bytes, seconds, checked, null);
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(checking);
            checking = null;
            cause = e.getMessage();
            now = new ReplicaState(ReplicaState.Status.DOWN, null, null, Instant.now(), "does not answer");
        }
        state = now;
        if (before.status() != now.status()) {
            if (now.status() == ReplicaState.Status.STREAMING) {
                LOG.infof("The streaming replica answers: report reads go there");
            } else {
                LOG.warnf("The streaming replica is %s (%s): report reads go to the primary",
                        now.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        cause != null ? cause : now.detail());
            }
        }
    }

    /**
     * How long the replica may have lacked a change, when it had not replayed all the primary had
     * written: the age of the last transaction it replayed, which overstates it when the primary
     * was idle before its last write, bounded by the time since a check last found it caught up
     * (the checks are a second apart); null when neither is known.
     */
    static Double lagSeconds(Double replayedAge, Instant caughtUpAt, Instant checked) {
        Double sinceCaughtUp = caughtUpAt == null ? null : Duration.between(caughtUpAt, checked).toNanos() / 1e9;
        if (replayedAge == null) {
            return sinceCaughtUp;
        }
        return sinceCaughtUp == null ? Math.max(0, replayedAge) : Math.max(0, Math.min(replayedAge, sinceCaughtUp));
    }

    /** The primary's WAL position, or null when the primary cannot say (the lag is then unknown). */
    private String primaryPosition() {
        try (Connection connection = primary.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(PRIMARY_POSITION)) {
            row.next();
            return row.getString(1);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf("Closing a replica connection: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (checker != null) {
            checker.shutdownNow();
            try {
                checker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(checking);
        }
    }
}
