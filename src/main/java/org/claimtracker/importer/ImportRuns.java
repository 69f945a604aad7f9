package org.claimtracker.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.claimtracker.core.Instance;
import org.jboss.logging.Logger;

/**
 * The imports of every instance serving the database, for GET /api/imports and the admin Import
 * page: each import is a row of {@code import_run} (V19) from its start, and its instance writes
 * its progress there about once a second with a heartbeat, and its outcome when it ends. Imports
 * running here are answered from memory (the freshest); the others from their rows. A running
 * import whose heartbeat is older than {@link #HEARTBEAT_TIMEOUT} is answered as failed: its
 * instance stopped (an import writes in one transaction, so nothing of it was imported).
 */
@ApplicationScoped
public class ImportRuns {

    private static final Logger LOG = Logger.getLogger(ImportRuns.class);
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);
    private static final long HEARTBEAT_MS = 1000;
    static final int LISTED = 50;
    /** Rows kept: the newest this many; older ones are deleted as imports start. */
    private static final int KEPT = 500;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private final Map<String, ImportJob> running = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService heartbeat;

    /** Records the import as running, for every instance to see. */
    void started(ImportJob job) {
        running.put(job.id, job);
        startHeartbeat();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into import_run (id, instance, state, progress, started_at) values (?, ?, ?, ?::json, ?)""");
                PreparedStatement trim = connection.prepareStatement("""
                        delete from import_run where id in (select id from import_run order by started_at desc offset ?)""")) {
            insert.setString(1, job.id);
            insert.setString(2, Instance.id());
            insert.setString(3, job.state.name());
            insert.setString(4, write(job.snapshot()));
            insert.setTimestamp(5, Timestamp.from(job.startedAt));
            insert.executeUpdate();
            trim.setInt(1, KEPT);
            trim.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("import %s: cannot record it for the other instances: %s", job.id, e.getMessage());
        }
    }

    /** Records how the import ended. */
    void finished(ImportJob job) {
        try {
            write(List.of(job));
        } finally {
            running.remove(job.id);
        }
    }

    /** The newest imports of every instance, newest first. */
    public List<ImportProgress> recent() {
        List<ImportProgress> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                SELECT + " order by started_at desc, id limit " + LISTED)) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the imports: " + e.getMessage(), e);
        }
        return found;
    }

    /** One import of any instance, or null. */
    public ImportProgress find(String id) {
        ImportJob here = running.get(id);
        if (here != null) {
            return here.snapshot();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SELECT + " where id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? read(rows) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the import: " + e.getMessage(), e);
        }
    }

    private static final String SELECT = "select id, progress::text, state = '" + ImportState.running + "' and heartbeat_at < now() - "
            + HEARTBEAT_TIMEOUT.toSeconds() + " * interval '1 second', heartbeat_at, instance from import_run";

    private ImportProgress read(ResultSet row) throws SQLException {
        ImportJob here = running.get(row.getString(1));
        if (here != null) {
            return here.snapshot();
        }
        ImportProgress stored;
        try {
            stored = json.readValue(row.getString(2), ImportProgress.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import " + row.getString(1) + " has unreadable progress", e);
        }
        Map<String, Long> created = stored.created() == null ? null : new TreeMap<>(stored.created());
        if (!row.getBoolean(3)) {
            return new ImportProgress(stored.id(), stored.actor(), stored.state(), stored.phase(), stored.sources(),
                    stored.bytesRead(), stored.bytesTotal(), stored.rowsRead(), stored.badRows(), stored.percent(), created,
                    stored.startedAt(), stored.finishedAt(), stored.seconds(), stored.rowsPerSecond(), stored.detail());
        }
        var lastHeard = row.getTimestamp(4).toInstant();
        return new ImportProgress(stored.id(), stored.actor(), ImportState.failed.name(), stored.phase(), stored.sources(), stored.bytesRead(),
                stored.bytesTotal(), stored.rowsRead(), stored.badRows(), 100, created, stored.startedAt(), lastHeard,
                stored.seconds(), stored.rowsPerSecond(), "The instance running this import (" + row.getString(5)
                        + ") stopped answering at " + lastHeard + "; nothing was imported");
    }

    private void startHeartbeat() {
        if (heartbeat != null) {
            return;
        }
        synchronized (this) {
            if (heartbeat == null) {
                ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "tracker-import-heartbeat");
                    thread.setDaemon(true);
                    return thread;
                });
                executor.scheduleWithFixedDelay(this::beat, HEARTBEAT_MS, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
                heartbeat = executor;
            }
        }
    }

    private void beat() {
        if (running.isEmpty()) {
            return;
        }
        try {
            write(List.copyOf(running.values()));
        } catch (RuntimeException e) {
            LOG.warnf("import heartbeat: %s", e.getMessage());
        }
    }

    /** Writes the progress of these imports and beats their heartbeat, in one round trip. */
    private void write(List<ImportJob> jobs) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement("""
                update import_run set state = ?, progress = ?::json, heartbeat_at = clock_timestamp() where id = ?""")) {
            for (ImportJob job : jobs) {
                update.setString(1, job.state.name());
                update.setString(2, write(job.snapshot()));
                update.setString(3, job.id);
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            LOG.warnf("cannot record the progress of imports %s: %s", jobs.stream().map(j -> j.id).toList(), e.getMessage());
        }
    }

    private String write(ImportProgress progress) {
        try {
            return json.writeValueAsString(progress);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an import's progress", e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        ScheduledExecutorService executor = heartbeat;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
