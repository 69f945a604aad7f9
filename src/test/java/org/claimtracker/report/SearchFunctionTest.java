package org.claimtracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * reporting.search(q), as report writers run it: logged in as the reporting role, which may
 * execute it (and reads no base table), with the query language of the API, on the seed dataset.
 */
@QuarkusTest
class SearchFunctionTest {

    @Test
    void theReportingRoleSearches() throws Exception {
        try (Connection connection = Sql.asReportingRole()) {
            List<Map<String, Object>> rows = Sql.rows(connection, "select * from search('Konashenkov')");
            assertTrue(rows.stream().anyMatch(r -> r.get("kind").equals("party") && r.get("label").equals("Igor Konashenkov")),
                    rows.toString());
            List<Map<String, Object>> hyphens = Sql.rows(connection,
                    "select kind, record_id from reporting.search('Deir ezZor') where kind = 'claim' order by record_id");
            List<Map<String, Object>> spaced = Sql.rows(connection,
                    "select kind, record_id from reporting.search('deir ez zor') where kind = 'claim' order by record_id");
            assertFalse(hyphens.isEmpty());
            assertEquals(hyphens, spaced);
            // Best first; articles named by their title only.
            List<Map<String, Object>> all = Sql.rows(connection, "select * from reporting.search('Hasajek')");
            for (int i = 1; i < all.size(); i++) {
                assertTrue(((Number) all.get(i - 1).get("rank")).doubleValue() >= ((Number) all.get(i).get("rank")).doubleValue());
            }
            Map<String, Object> article = all.stream().filter(r -> r.get("kind").equals("article")).findFirst().orElseThrow();
            assertEquals(Sql.rows("select title from article where id = ?", article.get("record_id")).get(0).get("title"),
                    article.get("label"));
            Map<String, Object> quote = all.stream().filter(r -> r.get("kind").equals("quote")).findFirst().orElseThrow();
            assertNotNull(quote.get("quote_start"));
            assertEquals(0, Sql.rows(connection, "select * from reporting.search('the of and')").size());
            Sql.rows(connection, "select * from reporting.search('\"unbalanced -')");
            // The role still reads no base table.
            assertEquals("42501", TestDatabase.stateOf(connection, "select search_vector from public.claim limit 1"));
        }
    }

    @Test
    void theFunctionIsDocumentedAndExecutableByTheReportingRoleAlone() throws Exception {
        assertTrue(Files.readString(Path.of("db/reports/README.md")).contains("## Full-text search: reporting.search(q text)"));
        List<Map<String, Object>> grants = Sql.rows("select has_function_privilege('claims_reporting', 'reporting.search(text)',"
                + " 'execute') as reporting, has_function_privilege('public', 'reporting.search(text)', 'execute') as anyone");
        assertEquals(Boolean.TRUE, grants.get(0).get("reporting"));
        assertEquals(Boolean.FALSE, grants.get(0).get("anyone"));
    }
}
