package org.claimtracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.claimtracker.setup.ReportingRole;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Every example query in db/reports/ states its question first and runs with psql as the
 * reporting role, exactly as the README tells report writers to run it.
 */
@QuarkusTest
class ReportQueriesTest {

    private static final Path REPORTS = Path.of("db/reports");
    /** Fails the run unless psql is connected as the reporting role. */
    private static final String AS_THE_ROLE = "do $$ begin if current_user <> '" + ReportingRole.NAME
            + "' then raise exception 'connected as %', current_user; end if; end $$";

    private static List<Path> queries() throws IOException {
        try (Stream<Path> files = Files.list(REPORTS)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    @Test
    void everyExampleBeginsWithTheQuestionItAnswers() throws IOException {
        List<Path> queries = queries();
        assertTrue(queries.size() >= 8, "examples: " + queries);
        for (Path query : queries) {
            String first = Files.readAllLines(query).get(0);
            assertTrue(first.matches("^-- Question: .+\\?$"), query + " begins with: " + first);
        }
    }

    @Test
    void everyExampleRunsWithPsqlAsTheReportingRole() throws IOException, InterruptedException {
        URI server = URI.create(TestDatabase.url().substring("jdbc:".length()));
        String conninfo = "host=" + server.getHost() + " port=" + (server.getPort() < 0 ? 5432 : server.getPort())
                + " dbname=" + server.getPath().substring(1) + " user=" + ReportingRole.NAME;
        for (Path query : queries()) {
            ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfo,
                    "-c", AS_THE_ROLE, "-f", query.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            psql.environment().put("PGPASSWORD", TestDatabase.reportingPassword());
            psql.environment().remove("PGUSER");
            Process process = psql.start();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), query + " did not finish");
            assertEquals(0, process.exitValue(), query + ": " + errors);
            assertEquals("", errors, query + " wrote to stderr");
        }
    }
}
