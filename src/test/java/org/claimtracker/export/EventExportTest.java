package org.claimtracker.export;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * GET /api/exports/events.csv: incidents as event data. The file loads into PostgreSQL with COPY
 * into a table declared from the columns db/reports/README.md documents, holds what the view holds
 * (a formula-like party name neutralised, numbers untouched), counts syndicated copies once, and
 * refuses bad requests with a problem naming the parameter.
 */
@QuarkusTest
class EventExportTest {

    /** A party name that a spreadsheet would run as a command (the classic DDE payload). */
    static final String FORMULA = "=cmd|' /C calc'!A0";
    private static final LocalDate D = LocalDate.of(2016, 9, 19);
    private static final String TEXT = "The ministry says the convoy was struck from the air near the depot."
            + " Commentators read the strike as a warning.";
    private static final String QUOTE = "the convoy was struck from the air";

    private static long formulaParty;
    private static long claimant;
    private static long incident;
    private static long accusing;
    private static long accusingNobody;
    private static long commentary;
    private static long withoutIncident;

    /** Built once and only read by the tests. */
    @BeforeEach
    void data() {
        if (withoutIncident != 0) {
            return;
        }
        long wire = created("/api/outlets", Map.of("name", unique("Wire"), "kind", "wire_agency"));
        long copier = created("/api/outlets", Map.of("name", unique("Copier"), "kind", "news_site"));
        long other = created("/api/outlets", Map.of("name", unique("Other desk"), "kind", "news_site"));
        long original = article(wire, null);
        long copy = article(copier, wire);
        long secondCopy = article(other, wire);
        long independent = article(other, null);

        formulaParty = partyNamed(FORMULA);
        claimant = Fixtures.party("Ministry", "government_body");
        Map<String, Object> place = new HashMap<>();
        place.put("title", unique("Convoy strike"));
        place.put("occurredOn", D.toString());
        place.put("occurredUntil", D.plusDays(2).toString());
        place.put("place", "Urum al-Kubra, \"west\" of the depot");
        place.put("latitude", new BigDecimal("36.148500"));
        place.put("longitude", new BigDecimal("-36.947000"));
        incident = created("/api/incidents", place);

        Map<String, Object> body = Fixtures.claimBody(claimant, formulaParty, original, QUOTE, D.plusDays(1));
        body.put("sources", List.of(Map.of("articleId", original, "quote", QUOTE), Map.of("articleId", copy, "quote", QUOTE),
                Map.of("articleId", secondCopy, "quote", QUOTE), Map.of("articleId", independent, "quote", QUOTE)));
        body.put("incidentId", incident);
        body.put("casualtiesLow", 3);
        body.put("casualtiesHigh", 12);
        accusing = created("/api/claims", body);
        Fixtures.response(accusing, formulaParty, "denies", D.plusDays(1), original,
                "Commentators read the strike as a warning.");

        Map<String, Object> nobody = Fixtures.claimBody(claimant, null, independent, QUOTE, D.plusDays(1));
        nobody.put("incidentId", incident);
        nobody.put("kind", "casualties");
        accusingNobody = created("/api/claims", nobody);

        Map<String, Object> reading = Fixtures.claimBody(claimant, formulaParty, independent,
                "Commentators read the strike as a warning.", D.plusDays(1));
        reading.put("incidentId", incident);
        reading.put("kind", "commentary");
        commentary = created("/api/claims", reading);

        withoutIncident = Fixtures.claim(claimant, formulaParty, independent, QUOTE, D.plusDays(1));
    }

    private static long article(long outlet, Long republishedFrom) {
        Map<String, Object> body = Fixtures.articleBody(outlet, TEXT + "\n\n[" + unique("copy") + "]", D.plusDays(1));
        if (republishedFrom != null) {
            body.put("republishedFromOutletId", republishedFrom);
        }
        return created("/api/articles", body);
    }

    /** The party of that exact name: made here, or found when an earlier run of this class in the database made it. */
    private static long partyNamed(String name) {
        Response made = given().contentType("application/json").body(Map.of("name", name, "kind", "armed_group"))
                .post("/api/parties");
        if (made.statusCode() == 201) {
            return made.jsonPath().getLong("id");
        }
        assertEquals(409, made.statusCode(), made.asString());
        try {
            return TestDatabase.number("select id from party where name = ?", name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documented columns of reporting.events, in order, with their types. */
    static Map<String, String> documentedColumns() throws IOException {
        Map<String, String> columns = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : Files.readAllLines(Path.of("db/reports/README.md"))) {
            if (line.startsWith("#")) {
                inside = line.equals("### reporting.events");
            } else if (inside && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                columns.put(cells[1].trim().replace("`", ""), cells[2].trim());
            }
        }
        assertFalse(columns.isEmpty(), "db/reports/README.md documents reporting.events");
        return columns;
    }

    private static String events(String query) {
        return given().accept("text/csv").get("/api/exports/events.csv" + query).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"events.csv\"")
                .extract().asString();
    }

    @Test
    void theCsvLoadsWithCopyIntoATableDeclaredFromTheDocumentedColumns() throws Exception {
        Map<String, String> documented = documentedColumns();
        String csv = events("");
        List<String> declared = new ArrayList<>();
        documented.forEach((name, type) -> declared.add(name + " " + type));
        try (Connection connection = TestDatabase.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temporary table loaded_events (" + String.join(", ", declared) + ")");
            }
            long copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy loaded_events from stdin with (format csv, header match)", new StringReader(csv));
            long expected = Long.parseLong(TestDatabase.column(connection, "select count(*) from reporting.events").get(0));
            assertEquals(expected, copied, "every row of the view, and nothing else");

            Map<String, Object> row = row(connection, "select * from loaded_events where claim_id = " + accusing);
            assertEquals(incident, row.get("event_id"));
            assertEquals(java.sql.Date.valueOf(D), row.get("event_date"));
            assertEquals(java.sql.Date.valueOf(D.plusDays(2)), row.get("event_date_until"));
            assertEquals("range", row.get("date_precision"));
            assertEquals("Urum al-Kubra, \"west\" of the depot", row.get("place"));
            assertEquals(new BigDecimal("36.148500"), row.get("latitude"));
            assertEquals(new BigDecimal("-36.947000"), row.get("longitude"), "a number column keeps its sign");
            assertEquals(claimant, row.get("actor1_id"));
            assertEquals(formulaParty, row.get("actor2_id"));
            assertEquals("'" + FORMULA, row.get("actor2_name"), "the formula-like name is neutralised");
            assertEquals("denied", row.get("actor2_position"));
            assertEquals("denies", row.get("actor2_latest_stance"));
            assertEquals("attack_attribution", row.get("claim_kind"));
            assertEquals(3, row.get("casualties_low"));
            assertEquals(12, row.get("casualties_high"));
            assertEquals(2L, row.get("sources"), "the wire story and its two copies are one original report");
            assertEquals(4L, row.get("source_articles"));
            assertEquals(2L, row.get("syndicated_copies"));

            Map<String, Object> nobody = row(connection, "select * from loaded_events where claim_id = " + accusingNobody);
            assertEquals(null, nobody.get("actor2_id"));
            assertEquals(null, nobody.get("actor2_name"));
            assertEquals(null, nobody.get("actor2_position"));
            assertEquals("casualties", nobody.get("claim_kind"));
            assertEquals(1L, nobody.get("sources"));

            assertEquals(0L, ((Number) row(connection, "select count(*) as n from loaded_events where claim_id in ("
                    + commentary + ", " + withoutIncident + ")").get("n")).longValue(),
                    "commentary and claims without an incident are no events");

            // What came through the file is what the view holds, but for the apostrophe of neutralised text.
            Map<String, Object> view = row(connection, "select * from reporting.events where claim_id = " + accusing);
            view.put("actor2_name", "'" + view.get("actor2_name"));
            assertEquals(view, row);
        }
    }

    @Test
    void theHeaderIsTheDocumentedColumnsAndFormulaCellsAreNeutralised() throws IOException {
        String csv = events("?partyId=" + formulaParty);
        assertTrue(csv.endsWith("\r\n"), "records end in CRLF");
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals(String.join(",", documentedColumns().keySet()), lines.get(0));
        assertTrue(csv.contains(",'" + FORMULA + ","), csv);
        assertFalse(csv.contains("," + FORMULA), "no cell begins with the formula");
        // partyId keeps the events where the party is actor 1 or actor 2: the accusing claim only.
        assertEquals(2, lines.size(), csv);
        assertTrue(lines.get(1).contains(",-36.947000,"), lines.get(1));
        assertTrue(new String(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(csv));
    }

    @Test
    void fromAndToBoundTheEventDate() {
        assertTrue(events("?partyId=" + claimant + "&from=" + D + "&to=" + D).contains("\r\n" + incident + ","));
        assertEquals(1, events("?partyId=" + claimant + "&from=" + D.plusDays(1)).split("\r\n").length,
                "an event that began the day before is left out");
    }

    @Test
    void badRequestsAreProblemsNamingTheParameter() {
        problem("?from=yesterday", 400, "from");
        problem("?to=2020-02-30", 400, "to");
        problem("?partyId=abc", 400, "partyId");
        problem("?partyId=-1", 400, "partyId");
        problem("?from=2020-02-01&to=2020-01-01", 400, "to");
        problem("?format=json", 400, "format");
        given().accept("application/json").get("/api/exports/events.csv").then().statusCode(406)
                .contentType("application/problem+json");
        given().auth().none().header("Authorization", "Bearer nonsense").get("/api/exports/events.csv").then()
                .statusCode(401).contentType("application/problem+json");
        given().post("/api/exports/events.csv").then().statusCode(405);
        given().get("/api/exports/events.json").then().statusCode(404);
    }

    private static void problem(String query, int status, String field) {
        given().get("/api/exports/events.csv" + query).then().statusCode(status)
                .contentType("application/problem+json").body("field", equalTo(field));
    }

    private static Map<String, Object> row(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), sql);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
            }
            assertFalse(rows.next(), sql);
            return row;
        }
    }
}
