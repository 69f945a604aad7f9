package org.claimtracker.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.CsvRowWriter;
import org.claimtracker.core.RowWriter;
import org.claimtracker.core.TrackerConfig;
import org.claimtracker.replica.ReplicaReads;

/**
 * Lists the reporting views and exports their rows. An export is read through a server-side
 * cursor, a batch at a time, into a temporary file, so that memory does not grow with the size of
 * the result and no database connection waits on a client that reads slowly.
 */
@ApplicationScoped
public class ReportService {

    /** Rows fetched per round trip while streaming. */
    static final int FETCH_SIZE = 500;

    private static final String COLUMNS = """
            select c.relname, obj_description(c.oid, 'pg_class'), a.attname,
                   format_type(a.atttypid, a.atttypmod), col_description(c.oid, a.attnum)
              from pg_class c
              join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
             where c.relnamespace = 'reporting'::regnamespace and c.relkind = 'v'
             order by c.relname, a.attnum
            """;

    /** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout. */
    private static final String QUERY_CANCELED = "57014";

    @Inject
    DataSource dataSource;

    /** A small pool of its own, so that exports can never take the connections everything else needs. */
    @Inject
    @io.quarkus.agroal.DataSource("exports")
    DataSource exports;

    /** Sends the reads to the streaming replica when there is one that may serve them. */
    @Inject
    ReplicaReads replica;

    @Inject
    TrackerConfig config;

    @Inject
    ObjectMapper objectMapper;

    /** The reports with their columns, read from the replica when it may serve the read (ReplicaReads). */
    public List<ReportInfo> list() {
        Map<String, String> descriptions = new HashMap<>();
        Map<String, List<ReportColumn>> columns = new HashMap<>();
        try {
            replica.read(dataSource::getConnection, connection -> {
                // Run again from the start on the primary when the replica fails under it.
                descriptions.clear();
                columns.clear();
                try (PreparedStatement statement = connection.prepareStatement(COLUMNS);
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String view = rows.getString(1);
                        descriptions.put(view, rows.getString(2));
                        columns.computeIfAbsent(view, v -> new ArrayList<>())
                                .add(new ReportColumn(rows.getString(3), rows.getString(4), rows.getString(5)));
                    }
                }
                return null;
            });
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot read the reporting views", e);
        }
        return ReportCatalog.all().stream()
                .map(r -> new ReportInfo(r.name(), r.relation(), descriptions.get(r.name()), r.partyMeaning(),
                        r.dateColumn(), r.asOfSource() != null, columns.getOrDefault(r.name(), List.of())))
                .toList();
    }

    /**
     * Writes the query's rows, in the format asked for, to a new temporary file and answers it;
     * the caller sends it and deletes it. The rows are read through a cursor of the export pool and
     * written as they arrive, so memory stays flat; the connection goes back to its pool as soon as
     * the last row is in the file, however slowly the client then reads.
     */
    public Path spool(ReportQuery query, ReportFormat format) throws IOException {
        return spool("Report " + query.report().name(), "; narrow it with partyId, from or to", format.name(),
                (connection, out, deadline) -> {
                    try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                        statement.setFetchSize(FETCH_SIZE);
                        query.bind(statement);
                        try (ResultSet rows = statement.executeQuery()) {
                            write(rows, format == ReportFormat.csv ? new CsvRowWriter(out)
                                    : new JsonRowWriter(objectMapper.getFactory(), out), deadline);
                        }
                    }
                });
    }

    /**
     * Reads from the database as a report export does and writes what it reads to a new temporary
     * file, which it answers (the caller sends it and deletes it): on the streaming replica when
     * there is one that may serve the read (ReplicaReads: caught up with the primary as of the
     * export's start; the file is written again from the start on the primary when the replica fails
     * under it), else on a connection of the export pool; in a read-only transaction, each statement bounded by the export timeout and all of it
     * by a deadline that {@code reading} checks with {@link #checkDeadline(long)} as it goes. Too
     * slow is a 503 naming {@code what}, followed by {@code hint}.
     */
    public Path spool(String what, String hint, String suffix, ExportReading reading) throws IOException {
        Path file = Files.createTempFile("tracker-export-", "." + suffix);
        try {
            export(what, hint, reading, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** What an export reads and writes, given a connection ready for it, the file's stream and the deadline. */
    @FunctionalInterface
    public interface ExportReading {
        void read(Connection connection, OutputStream out, long deadline) throws SQLException, IOException;
    }

    /** Stops an export whose deadline (a {@link System#nanoTime()} value) has passed. */
    public static void checkDeadline(long deadline) throws SQLException {
        if (System.nanoTime() > deadline) {
            throw new SQLException("the export's deadline passed", QUERY_CANCELED);
        }
    }

    private void export(String what, String hint, ExportReading reading, Path file) throws IOException {
        long deadline = System.nanoTime() + config.exports().timeout().toNanos();
        try {
            replica.read(exports::getConnection, connection -> {
                // Opened (and emptied) for each attempt: a read the replica failed starts again on the primary.
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                    read(connection, reading, out, deadline);
                }
                return null;
            });
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                throw new ApiProblem(503, "Export too slow", null, what + " took longer than the limit of "
                        + config.exports().timeout().toSeconds() + " s to read" + hint, null);
            }
            throw new IllegalStateException(what + " failed", e);
        }
    }

    private void read(Connection connection, ExportReading reading, OutputStream out, long deadline)
            throws SQLException, IOException {
        // The driver reads through a cursor only inside a transaction; read-only as a guard.
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try (Statement settings = connection.createStatement()) {
            // Each fetch of the cursor is a statement of its own: this bounds every one of them,
            // the deadline bounds them all together.
            settings.execute("set local statement_timeout = " + config.exports().timeout().toMillis());
        }
        try {
            reading.read(connection, out, deadline);
        } finally {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        }
    }

    private void write(ResultSet rows, RowWriter writer, long deadline) throws SQLException, IOException {
        ResultSetMetaData meta = rows.getMetaData();
        int count = meta.getColumnCount();
        List<String> names = new ArrayList<>(count);
        int[] types = new int[count];
        for (int i = 0; i < count; i++) {
            names.add(meta.getColumnLabel(i + 1));
            types[i] = meta.getColumnType(i + 1);
        }
        writer.start(names);
        Object[] values = new Object[count];
        while (rows.next()) {
            checkDeadline(deadline);
            for (int i = 0; i < count; i++) {
                values[i] = value(rows, i + 1, types[i]);
            }
            writer.row(values);
        }
        writer.finish();
    }

    private static Object value(ResultSet rows, int column, int type) throws SQLException {
        Object value = switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> rows.getLong(column);
            case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL -> rows.getBigDecimal(column);
            case Types.BIT, Types.BOOLEAN -> rows.getBoolean(column);
            case Types.DATE -> rows.getObject(column, LocalDate.class);
            default -> rows.getString(column);
        };
        if (rows.wasNull() || value == null) {
            return null;
        }
        return value instanceof LocalDate date ? date.toString() : value;
    }
}
