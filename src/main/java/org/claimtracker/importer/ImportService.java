package org.claimtracker.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.claimtracker.core.Failures;
import org.claimtracker.core.Problem;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/**
 * Bulk import of outlets, parties, articles, claims and responses from JSON Lines or CSV.
 *
 * <p>All or nothing: every row is checked first (on its own while the input is read, then
 * against the other rows and the stored records in SQL) and every bad row is reported with its
 * line; only when none is bad are the rows written, in one transaction. The rows travel to
 * PostgreSQL by COPY into temporary staging tables and from there into the tracker's tables by one
 * INSERT ... SELECT per table, so the database's own constraints and triggers (quotes found in the
 * article text, the audit trail) apply to imported records as to any other.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final long PROGRESS_EVERY_MS = 1000;
    private static final Pattern QUOTE_FAILURE = Pattern.compile("offsets (\\d+) to (\\d+) of article (\\d+)");

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    ImportRuns runs;

    /** The application's JSON reader with a bound on what one line may hold; made on first use. */
    private volatile ObjectMapper lineJson;

    private ObjectMapper lineJson() {
        if (lineJson == null) {
            lineJson = RowReader.forLines(json);
        }
        return lineJson;
    }

    /** The outcome: the import's final state, and the bad rows when it was refused. */
    public record Outcome(ImportProgress progress, List<RowError> errors) {
        public boolean refused() {
            return ImportState.refused.name().equals(progress.state());
        }
    }

    /** The newest imports of every instance serving the database (see {@link ImportRuns}). */
    public List<ImportProgress> recent() {
        return runs.recent();
    }

    public ImportProgress find(String id) {
        return runs.find(id);
    }

    /**
     * Runs one import. {@code type} names the kind of record of a CSV without a type column;
     * {@code dryRun} checks everything and writes nothing. {@code progress} hears about the
     * import about once a second.
     */
    public Outcome run(List<ImportSource> sources, ImportFormat format, String type, boolean dryRun, String actor,
            Consumer<ImportProgress> progress) {
        Long total = sources.stream().allMatch(s -> s.size() >= 0) ? sources.stream().mapToLong(ImportSource::size).sum() : null;
        ImportJob job = new ImportJob(actor, sources.stream().map(ImportSource::name).toList(), total);
        runs.started(job);
        Consumer<ImportProgress> listener = progress == null ? p -> { } : progress;
        Path directory = null;
        try {
            directory = Files.createTempDirectory("tracker-import");
            try (Stager stager = new Stager(directory, job.sources)) {
                read(sources, format, type, stager, job, listener);
                if (stager.errors().size() >= Stager.MAX_REPORTED_ERRORS) {
                    return refuse(job, stager.errors(), stager.badRows());
                }
                // With bad rows already found, the good ones are still checked against each other and
                // the stored records, so that one run reports every problem it can.
                return write(stager, job, dryRun, actor, listener);
            }
        } catch (IOException e) {
            throw fail(job, new UncheckedIOException(e));
        } catch (SQLException e) {
            throw fail(job, new IllegalStateException("The import failed in the database; nothing was imported", e));
        } catch (RuntimeException e) {
            throw fail(job, e);
        } finally {
            if (directory != null) {
                try (var files = Files.list(directory)) {
                    files.forEach(f -> f.toFile().delete());
                    Files.deleteIfExists(directory);
                } catch (IOException e) {
                    LOG.warnf("could not remove %s: %s", directory, e.getMessage());
                }
            }
            runs.finished(job);
            listener.accept(job.snapshot());
        }
    }

    private void read(List<ImportSource> sources, ImportFormat format, String type, Stager stager, ImportJob job,
            Consumer<ImportProgress> listener) throws IOException {
        long bytesBefore = 0;
        long lastReport = System.currentTimeMillis();
        for (int i = 0; i < sources.size(); i++) {
            ImportSource source = sources.get(i);
            ImportFormat sourceFormat = format != null ? format : ImportFormat.detect(source.name());
            if (sourceFormat == null) {
                sourceFormat = ImportFormat.JSONL;
            }
            try (InputStream input = source.opener().open();
                    RowReader reader = sourceFormat == ImportFormat.CSV ? new RowReader.Csv(i, input, type)
                            : new RowReader.JsonLines(i, input, lineJson())) {
                try {
                    InputRow row;
                    while ((row = reader.next()) != null) {
                        job.rowsRead++;
                        stager.add(row);
                        job.badRows = stager.badRows();
                        job.bytesRead = bytesBefore + reader.bytesRead();
                        long now = System.currentTimeMillis();
                        if (now - lastReport >= PROGRESS_EVERY_MS) {
                            lastReport = now;
                            listener.accept(job.snapshot());
                        }
                    }
                } catch (RowReader.Unreadable e) {
                    stager.error(i, e.line, null, e.getMessage());
                    job.badRows = Math.max(1, stager.badRows());
                }
                bytesBefore += reader.bytesRead();
                job.bytesRead = bytesBefore;
            }
        }
    }

    private Outcome write(Stager stager, ImportJob job, boolean dryRun, String actor, Consumer<ImportProgress> listener)
            throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Outcome outcome = writeIn(connection, stager, job, dryRun, actor, listener);
                if (outcome.refused() || dryRun) {
                    connection.rollback();
                } else {
                    job.phase = "committing";
                    connection.commit();
                    job.phase = "done";
                    job.state = ImportState.imported;
                    job.finishedAt = Instant.now();
                    LOG.infof("import %s by %s: %s", job.id, actor, job.created);
                }
                return new Outcome(job.snapshot(), outcome.errors());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private Outcome writeIn(Connection connection, Stager stager, ImportJob job, boolean dryRun, String actor,
            Consumer<ImportProgress> listener) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            // Lookups of a large import hash hundreds of thousands of names and refs.
            statement.execute("set local work_mem = '256MB'");
            for (String ddl : sql("import/stage.sql")) {
                statement.execute(ddl);
            }
            for (RowType type : RowType.values()) {
                if (type.stagingColumns() != null) {
                    statement.execute(type.stagingColumns());
                }
            }
        }
        try (PreparedStatement files = connection.prepareStatement("insert into s_file (src, name) values (?, ?)")) {
            for (int i = 0; i < job.sources.size(); i++) {
                files.setInt(1, i);
                files.setString(2, job.sources.get(i));
                files.addBatch();
            }
            files.executeBatch();
        }
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (Spool spool : stager.all) {
            if (spool.rows() == 0) {
                continue;
            }
            job.phase = "staging " + spool.table.substring(2);
            listener.accept(job.snapshot());
            try (Reader rows = spool.reader()) {
                copy.copyIn("copy " + spool.table + " (" + spool.columns + ") from stdin", rows);
            }
        }
        job.phase = "checking";
        listener.accept(job.snapshot());
        try (Statement statement = connection.createStatement()) {
            for (String step : ImportSql.PREPARE) {
                statement.execute(step);
            }
        }
        List<RowError> found = check(connection, job.sources);
        if (!found.isEmpty() || !stager.errors().isEmpty()) {
            List<RowError> errors = new ArrayList<>(stager.errors());
            errors.addAll(found);
            errors.sort(Comparator.comparing(RowError::source).thenComparingLong(RowError::line));
            long otherRows = found.stream().map(e -> e.source() + ":" + e.line()).distinct().count();
            return refuse(job, errors.subList(0, Math.min(errors.size(), Stager.MAX_REPORTED_ERRORS)),
                    stager.badRows() + otherRows);
        }
        if (dryRun) {
            for (Spool spool : stager.all) {
                if (spool.rows() > 0) {
                    job.created.put(tableOf(spool), spool.rows());
                }
            }
            job.phase = "done";
            job.state = ImportState.checked;
            job.finishedAt = Instant.now();
            return new Outcome(job.snapshot(), List.of());
        }
        job.rowsToWrite = stager.all.stream().mapToLong(Spool::rows).sum();
        Savepoint beforeInserts = connection.setSavepoint();
        for (ImportSql.Insert insert : ImportSql.INSERTS) {
            job.phase = "writing " + insert.table();
            listener.accept(job.snapshot());
            String text = insert.sql();
            int actors = text.split(":actor", -1).length - 1;
            try (PreparedStatement statement = connection.prepareStatement(text.replace(":actor", "?"))) {
                for (int i = 1; i <= actors; i++) {
                    statement.setString(i, actor);
                }
                long n = statement.executeLargeUpdate();
                if (n > 0) {
                    job.created.put(insert.table(), n);
                }
                job.rowsWritten += n;
            } catch (PSQLException e) {
                connection.rollback(beforeInserts);
                RowError error = explain(connection, insert.table(), e, job.sources);
                if (error == null) {
                    throw e;
                }
                return refuse(job, List.of(error), 1);
            }
        }
        return new Outcome(job.snapshot(), List.of());
    }

    private static String tableOf(Spool spool) {
        return switch (spool.table) {
            case "s_alias" -> "party_alias";
            case "s_source" -> "claim_source";
            default -> spool.table.substring(2);
        };
    }

    private List<RowError> check(Connection connection, List<String> sources) throws SQLException {
        List<RowError> errors = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String query : ImportSql.CHECKS) {
                if (errors.size() >= Stager.MAX_REPORTED_ERRORS) {
                    break;
                }
                try (ResultSet rows = statement.executeQuery(query + " limit " + Stager.MAX_REPORTED_ERRORS)) {
                    while (rows.next() && errors.size() < Stager.MAX_REPORTED_ERRORS) {
                        String message = rows.getString(4);
                        if (message.contains("{at}")) {
                            message = message.replace("{at}", where(sources, rows.getInt(1), rows.getInt(5), rows.getLong(6)));
                        }
                        errors.add(new RowError(sources.get(rows.getInt(1)), rows.getLong(2), rows.getString(3), message));
                    }
                }
            }
        }
        errors.sort(Comparator.comparing(RowError::source).thenComparingLong(RowError::line));
        return errors;
    }

    private static String where(List<String> sources, int src, int otherSrc, long otherLine) {
        return "line " + otherLine + (otherSrc == src ? "" : " of " + sources.get(otherSrc));
    }

    /**
     * A refusal by the database during the inserts. Quotes whose given offsets do not match the
     * article are caught by the database's trigger: find the row that carried them.
     */
    private RowError explain(Connection connection, String table, PSQLException e, List<String> sources) throws SQLException {
        var server = e.getServerErrorMessage();
        String constraint = server == null ? null : server.getConstraint();
        String message = server == null ? e.getMessage() : server.getMessage();
        if (constraint != null && constraint.endsWith("_quote_in_article")) {
            Matcher m = QUOTE_FAILURE.matcher(message);
            if (m.find()) {
                boolean source = table.equals("claim_source");
                String staged = source ? "s_source" : "s_response";
                try (PreparedStatement find = connection.prepareStatement("""
                        select s.src, s.line%s from %s s
                         where s.quote_start = ? and s.quote_start + char_length(s.quote) = ? and %s = ?
                         limit 1
                        """.formatted(source ? ", s.item" : "", staged, ImportSql.ARTICLE_ID))) {
                    find.setInt(1, Integer.parseInt(m.group(1)));
                    find.setInt(2, Integer.parseInt(m.group(2)));
                    find.setLong(3, Long.parseLong(m.group(3)));
                    try (ResultSet row = find.executeQuery()) {
                        if (row.next()) {
                            String field = source ? "sources[" + row.getInt(3) + "].quoteStart" : "quoteStart";
                            return new RowError(sources.get(row.getInt(1)), row.getLong(2), field,
                                    "the quote is not found at offset " + m.group(1) + " of the article text"
                                            + " (leave quoteStart out to use its first occurrence)");
                        }
                    }
                }
            }
        }
        if (constraint == null || !"23".equals(e.getSQLState() == null ? null : e.getSQLState().substring(0, 2))) {
            return null;
        }
        return refusal(connection, table, constraint, e.getSQLState(), server.getDetail(), sources);
    }

    /** Staged rows by the table they go to, for finding the row a refusal concerns. */
    private static final Map<String, String> STAGED = Map.of("outlet", "s_outlet", "party", "s_party",
            "party_alias", "s_alias", "article", "s_article", "claim", "s_claim", "claim_source", "s_source", "response", "s_response");
    /** PostgreSQL's detail of a unique violation: the key (a column, or a column under tracker_lower_trim) and its value. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile(
            "Key \\((?:(tracker_lower_trim)\\()?(\\w+)(?:::[\\w ]+)?\\)?\\)=\\((.*)\\) already exists\\.");

    /**
     * A constraint the database enforced although the checks passed: a record stored meanwhile by
     * someone else (another import, an edit) or a rule the checks do not cover. Said in the
     * tracker's words, never PostgreSQL's, with the row when the duplicate value finds it.
     */
    private RowError refusal(Connection connection, String table, String constraint, String state, String detail,
            List<String> sources) throws SQLException {
        Problem.FieldError meaning = Failures.constraintMeaning(constraint);
        String kind = table.replace('_', ' ');
        String why = meaning == null ? "it breaks a rule of " + kind + " records" : meaning.message();
        boolean duplicate = "23505".equals(state);
        String message = ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "An " : "A ") + kind + " row could not be stored: "
                + Character.toLowerCase(why.charAt(0)) + why.substring(1)
                + (duplicate ? " (stored by someone else while this import was running)" : "")
                + ". Nothing was imported; run the import again to have every row checked";
        String field = meaning == null ? null : meaning.field();
        Matcher key = DUPLICATE_KEY.matcher(detail == null ? "" : detail);
        String staged = STAGED.get(table);
        if (duplicate && staged != null && key.matches() && stagedColumn(connection, staged, key.group(2))) {
            String stagedValue = key.group(1) == null ? key.group(2) + "::text" : "tracker_lower_trim(" + key.group(2) + ")";
            try (PreparedStatement find = connection.prepareStatement(
                    "select src, line from " + staged + " where " + stagedValue + " = ? order by row_no limit 1")) {
                find.setString(1, key.group(3));
                try (ResultSet row = find.executeQuery()) {
                    if (row.next()) {
                        return new RowError(sources.get(row.getInt(1)), row.getLong(2), field, message);
                    }
                }
            }
        }
        return new RowError(sources.get(0), 1, field, message);
    }

    private static boolean stagedColumn(Connection connection, String staged, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from pg_attribute where attrelid = to_regclass(?) and attname = ? and not attisdropped")) {
            query.setString(1, staged);
            query.setString(2, column);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private Outcome refuse(ImportJob job, List<RowError> errors, long badRows) {
        job.state = ImportState.refused;
        job.phase = "done";
        job.badRows = Math.max(badRows, 1);
        job.finishedAt = Instant.now();
        RowError first = errors.get(0);
        job.detail = job.badRows + " bad row(s); nothing was imported. First: " + first.source() + " line " + first.line()
                + (first.field() == null ? "" : ", " + first.field()) + ": " + first.message();
        return new Outcome(job.snapshot(), errors);
    }

    private RuntimeException fail(ImportJob job, RuntimeException e) {
        if (job.finishedAt == null) {
            job.state = ImportState.failed;
            job.detail = e.getMessage();
            job.finishedAt = Instant.now();
        }
        return e;
    }

    private static List<String> sql(String resource) throws IOException {
        try (InputStream in = ImportService.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : text.split("\n")) {
                if (line.startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.trim().endsWith(";")) {
                    statements.add(current.toString().trim().replaceAll(";$", ""));
                    current.setLength(0);
                }
            }
            return statements;
        }
    }
}
