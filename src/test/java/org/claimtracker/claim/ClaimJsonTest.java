package org.claimtracker.claim;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.core.SqlJson;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/claims/{id}, one statement whose JSON PostgreSQL writes ({@link ClaimJson}), answers what
 * Jackson writes for the claim's {@link ClaimDetail} as the service reads it through the entities
 * (what create and update answer and the admin pages show): the same
 * fields in the same order, the same nulls, dates and audit stamps, the same text to the last escaped
 * character, byte for byte; with the ETag of the version and the content type of every JSON answer.
 * Checked over claims with and without speaker, addressed party, incident, casualties and grading
 * note, with several sources on several articles (one article without URL), responses of several
 * stances, counter-claims both ways, awkward text, audit stamps with and without fractional seconds,
 * and dates before, between and after the responses.
 */
@QuarkusTest
class ClaimJsonTest {

    private static final LocalDate DAY = LocalDate.of(2021, 5, 3);

    /** Quotes, a backslash, a line break, a tab, accents, an emoji, control characters (some hex with letters), DEL. */
    private static final String AWKWARD = "\"Caf\u00e9\" at V\\W \u2014 \u00abn\u00e9gation\u00bb\n\tline"
            + " \uD83D\uDE42 \u0007bell\u001b esc\u000b vt\u001f us\u007f del </script> \u2028";

    private static final String Q1 = "Jets of B \"bombed\" the caf\u00e9 at V\\W.";
    private static final String Q2 = "B denies it \u2014 \u00abcategorically\u00bb \uD83D\uDE42.";
    private static final String Q3 = "Monitor C: the strike \u0007happened\u001b\u000b.";
    private static final String Q4 = "C confirms the strike.";
    private static final String Q5 = "B says A struck the caf\u00e9 itself.";
    private static final String Q6 = "A denies striking anything.";
    private static final String Q7 = "A takes the statement back.";
    private static final String TEXT = String.join("\n", "Report of the day.", Q1, Q2, Q3, Q4, Q5, Q6, Q7, "End.");

    /** Claims of the story and the dates to ask them as of (null: today). */
    private static List<Long> claims;
    private static final List<LocalDate> AS_OF = new ArrayList<>();

    static {
        AS_OF.add(null);
        for (int day = -1; day <= 6; day++) {
            AS_OF.add(DAY.plusDays(day));
        }
        AS_OF.add(DAY.plusDays(400));
    }

    @Inject
    ClaimService service;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    /** Built once and only read by the tests, so that they do not depend on each other. */
    @BeforeEach
    void story() throws Exception {
        if (claims != null) {
            return;
        }
        long outlet = created("/api/outlets", Map.of("name", unique("Outlet \"\\ \u00e9\u0007"), "kind", "news_site"));
        long withUrl = article(outlet, "https://example.org/a?x=1&y=%22" + unique("").strip());
        long withoutUrl = article(outlet, null);
        long third = article(outlet, "http://example.org/" + unique("").strip());
        long a = Fixtures.party("Ministry \"A\" \\ \u00e9\u0007", "government_body");
        long b = Fixtures.party("State B \u00ab\u00bb", "state");
        long c = Fixtures.party("monitor c", "monitor_ngo");
        long speaker = Fixtures.party("Spokesman \u2014 S", "person");
        long incident = created("/api/incidents", Map.of("title", unique("Strike \"x\" \\ \u0007 \u00e9"),
                "occurredOn", DAY.toString(), "place", "Village V"));

        Map<String, Object> full = Fixtures.withEveryPart(Fixtures.claimBody(a, b, withUrl, Q1, DAY),
                "CJT-" + unique("").strip(), speaker, incident, AWKWARD);
        full.put("proposition", unique("Jets " + AWKWARD));
        full.put("sources", List.of(source(withUrl, Q1), source(withoutUrl, Q2), source(withUrl, Q3),
                source(third, Q4)));
        long first = created("/api/claims", full);

        // No speaker, addressed party, incident, casualties or note: the counter-claim of B.
        long counter = created("/api/claims", Fixtures.claimBody(b, null, third, Q5, DAY.plusDays(2)));

        // Corrected once (version 1), no responses; claimant and addressed party the same.
        Map<String, Object> corrected = Fixtures.claimBody(c, c, withoutUrl, Q3, DAY.plusDays(1));
        corrected.put("kind", "commentary");
        long third3 = created("/api/claims", corrected);
        corrected.put("proposition", unique("Corrected: " + AWKWARD));
        Fixtures.put("/api/claims/" + third3, corrected).statusCode(200);

        long denial = response(first, b, "denies", 1, withoutUrl, Q2, speaker, null, AWKWARD, "R-" + unique("").strip());
        response(first, c, "confirms", 2, withUrl, Q4, null, null, null, null);
        response(first, b, "counter_attributes", 3, third, Q5, null, counter, "B blames A", null);
        response(first, c, "assessing", 3, withUrl, Q3, null, null, null, null);
        response(first, a, "retracts", 5, withUrl, Q7, speaker, null, null, null);
        response(counter, a, "denies", 4, third, Q6, null, first, null, null);
        response(counter, c, "acknowledges", 4, withUrl, Q4, null, null, "\\", null);
        response(counter, b, "asserts", 6, withUrl, Q1, null, null, null, null);

        // Audit stamps of every shape: whole seconds, trailing zeros, one microsecond, another zone.
        try (Connection admin = TestDatabase.connectAsAdministrator(TestDatabase.NAME)) {
            stamp(admin, "claim", third3, "2021-05-03 10:00:00+00", "2021-05-03 10:00:00.12+00");
            stamp(admin, "response", denial, "2021-05-04 23:59:59.000001+02", "2021-05-05 00:00:00.1+05:45");
            stamp(admin, "claim", counter, "1999-12-31 23:59:59.999999-01", "2000-01-01 00:00:00.5+00");
        }
        claims = List.of(first, counter, third3);
    }

    private static Map<String, Object> source(long article, String quote) {
        return Map.of("articleId", article, "quote", quote);
    }

    private static long article(long outlet, String url) {
        Map<String, Object> body = Fixtures.articleBody(outlet, TEXT + "\n[" + unique("").strip() + "]", DAY.plusDays(10));
        body.put("title", unique("Title \"q\" \\ \u00e9\u0007\u001f"));
        if (url != null) {
            body.put("url", url);
        }
        return created("/api/articles", body);
    }

    private static long response(long claim, long party, String stance, int day, long article, String quote,
            Long speaker, Long counterClaim, String note, String ref) {
        Map<String, Object> body = Fixtures.responseBody(claim, party, stance, DAY.plusDays(day), article, quote);
        body.put("speakerId", speaker);
        body.put("counterClaimId", counterClaim);
        body.put("note", note);
        body.put("ref", ref);
        body.values().removeIf(v -> v == null);
        return created("/api/responses", new HashMap<>(body));
    }

    private static void stamp(Connection admin, String table, long id, String createdAt, String updatedAt)
            throws Exception {
        try (PreparedStatement update = admin.prepareStatement("update " + table
                + " set created_at = ?::timestamptz, updated_at = ?::timestamptz where id = ?")) {
            update.setString(1, createdAt);
            update.setString(2, updatedAt);
            update.setLong(3, id);
            assertEquals(1, update.executeUpdate(), table + " " + id);
        }
    }

    /** What the entity path answers, as Jackson writes it. */
    private byte[] jackson(long id, LocalDate asOf) {
        return QuarkusTransaction.requiringNew().call(() -> mapper.writeValueAsBytes(service.get(id, asOf)));
    }

    /** Written again by one mapper, whose trees keep the order: escapes then agree in the case of hex digits. */
    private String normalised(byte[] json) throws Exception {
        return mapper.writeValueAsString(mapper.readTree(json));
    }

    @Test
    void theAnswerIsWhatJacksonWritesForTheClaimByteForByte() throws Exception {
        // Else GET would answer through Jackson too, and the comparison below prove nothing.
        assertTrue(SqlJson.writesAsJackson(mapper), "the application's mapper writes as the SQL does");
        String jsonType = given().get("/api/outlets?size=1").then().statusCode(200).extract().contentType();
        for (long id : claims) {
            for (LocalDate asOf : AS_OF) {
                String path = "/api/claims/" + id + (asOf == null ? "" : "?asOf=" + asOf);
                ExtractableResponse<Response> answer = given().get(path).then().statusCode(200).extract();
                byte[] body = answer.asByteArray();
                byte[] expected = jackson(id, asOf);
                JsonNode tree = mapper.readTree(expected);
                assertEquals(tree, mapper.readTree(body), path);
                assertEquals(normalised(expected), normalised(body), path + ": fields in Jackson's order");
                assertEquals(new String(expected, StandardCharsets.UTF_8), new String(body, StandardCharsets.UTF_8),
                        path + ": byte for byte");
                assertEquals("\"" + tree.get("version").asLong() + "\"", answer.header("ETag"), path + ": ETag");
                assertEquals(jsonType, answer.contentType(), path + ": content type");
            }
        }
    }

    @Test
    void theStoryCoversWhatItClaimsTo() throws Exception {
        JsonNode first = mapper.readTree(jackson(claims.get(0), null));
        assertEquals(4, first.get("sources").size());
        assertTrue(first.get("sources").get(1).get("article").get("url").isNull(), "a source without URL");
        assertEquals(5, first.get("responses").size());
        assertEquals(1, first.get("madeInResponseTo").size());
        assertTrue(first.get("responses").get(2).get("counterClaim").isObject());
        JsonNode counter = mapper.readTree(jackson(claims.get(1), null));
        assertTrue(counter.get("speaker").isNull() && counter.get("addressedParty").isNull()
                && counter.get("incident").isNull() && counter.get("casualtiesLow").isNull()
                && counter.get("gradingNote").isNull());
        assertEquals(1, counter.get("madeInResponseTo").size());
        assertEquals(0, mapper.readTree(jackson(claims.get(0), DAY)).get("responses").size());
        assertEquals(2, mapper.readTree(jackson(claims.get(0), DAY.plusDays(2))).get("responses").size());
        assertEquals(1, mapper.readTree(jackson(claims.get(2), null)).get("version").asLong());
    }

    /**
     * The audit stamps as the application's Jackson writes an OffsetDateTime: ISO 8601 at UTC with Z,
     * seconds always, the fraction without trailing zeros (none when whole), whatever zone the stamp
     * was written in.
     */
    @Test
    void auditStampsAreWrittenAtUtcWithTheShortestFraction() throws Exception {
        JsonNode corrected = mapper.readTree(given().get("/api/claims/" + claims.get(2)).then().statusCode(200)
                .extract().asByteArray()).get("audit");
        assertEquals("2021-05-03T10:00:00Z", corrected.get("createdAt").asText());
        assertEquals("2021-05-03T10:00:00.12Z", corrected.get("updatedAt").asText());
        JsonNode counter = mapper.readTree(given().get("/api/claims/" + claims.get(1)).then().statusCode(200)
                .extract().asByteArray());
        assertEquals("2000-01-01T00:59:59.999999Z", counter.get("audit").get("createdAt").asText());
        assertEquals("2000-01-01T00:00:00.5Z", counter.get("audit").get("updatedAt").asText());
        JsonNode denial = mapper.readTree(given().get("/api/claims/" + claims.get(0)).then().statusCode(200)
                .extract().asByteArray()).get("responses").get(0).get("audit");
        assertEquals("2021-05-04T21:59:59.000001Z", denial.get("createdAt").asText());
        assertEquals("2021-05-04T18:15:00.1Z", denial.get("updatedAt").asText());
        // And a stamp the tracker wrote itself, to the microsecond PostgreSQL keeps.
        String stored = TestDatabase.column("select to_char(created_at at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US') from claim where id = ?", claims.get(0)).get(0);
        String expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.parse(stored + "Z").withOffsetSameInstant(ZoneOffset.UTC));
        JsonNode first = mapper.readTree(given().get("/api/claims/" + claims.get(0)).then().statusCode(200)
                .extract().asByteArray());
        assertEquals(expected, first.get("audit").get("createdAt").asText());
    }

    /** The statement's answer does not depend on the session's TimeZone (the driver keeps DateStyle ISO). */
    @Test
    void theAnswerIsTheSameWhateverTheSessionsTimeZone() {
        for (String zone : List.of("America/St_Johns", "Asia/Kathmandu")) {
            for (long id : claims) {
                for (LocalDate asOf : AS_OF) {
                    String path = "/api/claims/" + id + (asOf == null ? "" : "?asOf=" + asOf);
                    byte[] answered = given().get(path).then().statusCode(200).extract().asByteArray();
                    byte[] inZone = QuarkusTransaction.requiringNew().call(() -> {
                        em.createNativeQuery("select set_config('TimeZone', :zone, true)").setParameter("zone", zone)
                                .getSingleResult();
                        return service.json(id, asOf).json();
                    });
                    assertEquals(new String(answered, StandardCharsets.UTF_8), new String(inZone, StandardCharsets.UTF_8),
                            path + " in a session at " + zone);
                }
            }
        }
    }

    @Test
    void anUnknownClaimIsA404Problem() {
        given().get("/api/claims/987654321987").then().statusCode(404).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.is(404))
                .body("detail", org.hamcrest.Matchers.containsString("987654321987"));
    }
}
