package org.claimtracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * db/reports/README.md is the reporting contract. Every documented column must exist with its
 * documented type (changes are additive), every view and column must be documented, and the page
 * must say what the database's own comments say.
 */
@QuarkusTest
class ReportContractTest {

    private static final Path README = Path.of("db/reports/README.md");
    private static final Pattern VIEW_HEADING = Pattern.compile("^### reporting\\.(\\w+)\\s*$");

    record Column(String type, String meaning) {
    }

    record View(String description, Map<String, Column> columns) {
    }

    /** The views the README documents: a "### reporting.name" heading, a one-line description, a column table. */
    static Map<String, View> documented() throws IOException {
        Map<String, View> views = new LinkedHashMap<>();
        String current = null;
        boolean descriptionNext = false;
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("#")) {
                Matcher heading = VIEW_HEADING.matcher(line);
                current = heading.matches() ? heading.group(1) : null;
                descriptionNext = current != null;
                if (current != null) {
                    assertFalse(views.containsKey(current), "documented twice: " + current);
                    views.put(current, new View(null, new LinkedHashMap<>()));
                }
            } else if (current != null && descriptionNext && !line.isBlank()) {
                views.put(current, new View(line, views.get(current).columns()));
                descriptionNext = false;
            } else if (current != null && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                String name = cells[1].trim().replace("`", "");
                views.get(current).columns().put(name, new Column(cells[2].trim(), cells[3].trim()));
            }
        }
        return views;
    }

    static Map<String, View> actual() {
        Map<String, View> views = new LinkedHashMap<>();
        for (Map<String, Object> row : Sql.rows("""
                select c.relname, obj_description(c.oid, 'pg_class') as description, a.attname,
                       format_type(a.atttypid, a.atttypmod) as type, col_description(c.oid, a.attnum) as meaning
                  from pg_class c
                  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                 where c.relnamespace = 'reporting'::regnamespace and c.relkind = 'v'
                 order by c.relname, a.attnum
                """)) {
            View view = views.computeIfAbsent((String) row.get("relname"),
                    v -> new View((String) row.get("description"), new LinkedHashMap<>()));
            view.columns().put((String) row.get("attname"),
                    new Column((String) row.get("type"), (String) row.get("meaning")));
        }
        return views;
    }

    private static String normalized(String text) {
        return text == null ? null : text.replace("`", "").replaceAll("\\s+", " ").trim();
    }

    @Test
    void everyDocumentedColumnExistsWithItsDocumentedType() throws IOException {
        Map<String, View> documented = documented();
        Map<String, View> actual = actual();
        assertTrue(documented.size() >= 12, "the README documents the views: " + documented.keySet());
        List<String> broken = new ArrayList<>();
        documented.forEach((view, doc) -> {
            assertFalse(doc.columns().isEmpty(), view + " documents no column");
            View db = actual.get(view);
            doc.columns().forEach((column, expected) -> {
                Column found = db == null ? null : db.columns().get(column);
                if (found == null) {
                    broken.add("reporting." + view + "." + column + " is documented but missing");
                } else if (!found.type().equals(expected.type())) {
                    broken.add("reporting." + view + "." + column + " is " + found.type() + ", documented as "
                            + expected.type());
                }
            });
        });
        assertEquals(List.of(), broken);
    }

    @Test
    void everyViewAndColumnIsDocumentedWithTheMeaningTheDatabaseGivesIt() throws IOException {
        Map<String, View> documented = documented();
        Map<String, View> actual = actual();
        assertEquals(new TreeSet<>(actual.keySet()), new TreeSet<>(documented.keySet()));
        List<String> differences = new ArrayList<>();
        actual.forEach((view, db) -> {
            View doc = documented.get(view);
            if (!normalized(db.description()).equals(normalized(doc.description()))) {
                differences.add(view + ": README says '" + doc.description() + "', the database '" + db.description() + "'");
            }
            db.columns().forEach((column, found) -> {
                Column expected = doc.columns().get(column);
                if (expected == null) {
                    differences.add("reporting." + view + "." + column + " is not documented");
                } else if (found.meaning() == null || !normalized(found.meaning()).equals(normalized(expected.meaning()))) {
                    differences.add("reporting." + view + "." + column + ": README says '" + expected.meaning()
                            + "', the database '" + found.meaning() + "'");
                }
            });
        });
        assertEquals(List.of(), differences);
    }

    @Test
    void theApiExportsEveryViewAndNothingElse() {
        assertEquals(new TreeSet<>(actual().keySet()),
                new TreeSet<>(ReportCatalog.all().stream().map(ReportDefinition::name).toList()));
    }

    /** The README promises positions_as_of(date) the columns of claim_positions. */
    @Test
    void positionsAsOfHasTheColumnsOfClaimPositions() throws IOException, SQLException {
        assertTrue(Files.readString(README).contains("### reporting.positions_as_of(as_of date)"));
        try (Connection connection = TestDatabase.connect()) {
            assertEquals(columns(connection, "select * from reporting.claim_positions limit 0"),
                    columns(connection, "select * from reporting.positions_as_of(date '2020-01-01') limit 0"));
        }
    }

    private static List<String> columns(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i) + " " + meta.getColumnTypeName(i));
            }
            return columns;
        }
    }
}
