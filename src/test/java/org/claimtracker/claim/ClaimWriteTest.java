package org.claimtracker.claim;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.claimBody;
import static org.claimtracker.support.Fixtures.createdAsRead;
import static org.claimtracker.support.Fixtures.post;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.SqlStatementCounter;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A new claim and its sources are written in one SQL statement (ClaimInsert) when they are sound, and
 * answered exactly as they read back; when the statement finds fault, the entity path's checks answer
 * with the field, and nothing is written.
 */
@QuarkusTest
class ClaimWriteTest {

    private static final LocalDate DAY = LocalDate.of(2021, 7, 3);
    private static final String QUOTE = "the jets struck the market at noon";
    private static final String TWICE = "witnesses said";

    /** Two articles (the first holding QUOTE once and TWICE twice) and two parties. */
    private record Story(long article, long other, long accuser, long accused) {

        static Story make() {
            long article = Fixtures.article("Reports say " + QUOTE + ", " + TWICE + ". Later " + TWICE + " more. "
                    + Fixtures.unique("Ref"), DAY.plusDays(2));
            long other = Fixtures.article("A second report: " + QUOTE + ". " + Fixtures.unique("Ref"), DAY.plusDays(3));
            return new Story(article, other, Fixtures.state("Claim Writer Accuser"), Fixtures.state("Claim Writer Accused"));
        }

        Map<String, Object> claim(String quote) {
            return claimBody(accuser, accused, article, quote, DAY);
        }
    }

    private static long claimsWith(String proposition) throws Exception {
        return TestDatabase.number("select count(*) from claim where proposition = ?", proposition);
    }

    @Test
    void aSoundClaimIsOneStatementAndAnsweredAsItReadsBack() throws Exception {
        Story story = Story.make();

        // The quote found by the database, with no offsets given.
        JsonPath plain = createdAsRead("/api/claims", story.claim(QUOTE));
        assertEquals(QUOTE, plain.getString("sources[0].quote"));
        assertEquals(plain.getInt("sources[0].start") + QUOTE.length(), plain.getInt("sources[0].end"));
        assertEquals(List.of("claimant", "addressed"), plain.getList("positions.role"));
        assertEquals("unresolved", plain.getString("positions[1].position"));

        // Every optional field; two sources, one of them a quote that occurs twice placed by its start.
        long speaker = Fixtures.state("Claim Writer Spokesman");
        long incident = Fixtures.incident();
        String ref = Fixtures.unique("claim-writer").replace(' ', '-');
        int second = ((String) given().get("/api/articles/" + story.article()).then().extract().path("text"))
                .lastIndexOf(TWICE);
        Map<String, Object> full = story.claim(QUOTE);
        full.put("sources", List.of(
                Map.of("articleId", story.article(), "quote", TWICE, "start", second, "end", second + TWICE.length()),
                Map.of("articleId", story.other(), "quote", QUOTE)));
        JsonPath rich = createdAsRead("/api/claims", Fixtures.withEveryPart(full, ref, speaker, incident, "  one witness only  "));
        assertEquals(ref, rich.getString("ref"));
        assertEquals(second, rich.getInt("sources[0].start"));
        assertEquals(story.other(), rich.getLong("sources[1].article.id"));
        assertEquals("one witness only", rich.getString("gradingNote"));
        assertEquals(incident, rich.getLong("incident.id"));
        assertEquals(List.of("2"), TestDatabase.column("select count(*) from claim_source s join claim c on c.id = s.claim_id"
                + " where c.ref = ? and c.speaker_id = ? and c.casualties_high = 9", ref, speaker));

        // No addressed party, and a claimant who addresses itself: the positions as the read answers them.
        Map<String, Object> unaddressed = story.claim(QUOTE);
        unaddressed.remove("addressedPartyId");
        assertEquals(List.of("claimant"), createdAsRead("/api/claims", unaddressed).getList("positions.role"));
        Map<String, Object> itself = claimBody(story.accuser(), story.accuser(), story.article(), QUOTE, DAY);
        assertEquals(List.of("claimant"), createdAsRead("/api/claims", itself).getList("positions.role"));

        // One statement from the tracker (the insert with its checks and its answer), however many times.
        int statements = SqlStatementCounter.fewest(() -> post("/api/claims", story.claim(QUOTE)).statusCode(201));
        assertEquals(1, statements, "statements of POST /api/claims");
        // The maintained position followed (the database's triggers): the claim is open for the accused.
        long id = post("/api/claims", story.claim(QUOTE)).statusCode(201).extract().jsonPath().getLong("id");
        given().get("/api/parties/" + story.accused() + "/claims?status=unresolved&size=200").then().statusCode(200)
                .body("items.find { it.claimId == " + id + " }.position", is("unresolved"));
    }

    @Test
    void whatTheStatementRefusesIsNamedByTheChecksAndNothingIsWritten() throws Exception {
        Story story = Story.make();
        Map<String, Map<String, Object>> refused = new java.util.LinkedHashMap<>();
        refused.put("sources[0].quote", story.claim("the jets missed the market"));
        refused.put("sources[0].start", story.claim(TWICE));
        Map<String, Object> misplaced = story.claim(QUOTE);
        misplaced.put("sources", List.of(Map.of("articleId", story.article(), "quote", QUOTE, "start", 0)));
        refused.put("sources[0].start ", misplaced);
        Map<String, Object> noArticle = story.claim(QUOTE);
        noArticle.put("sources", List.of(Map.of("articleId", story.other(), "quote", QUOTE),
                Map.of("articleId", 99_999_999, "quote", QUOTE)));
        refused.put("sources[1].articleId", noArticle);
        Map<String, Object> twice = story.claim(QUOTE);
        twice.put("sources", List.of(Map.of("articleId", story.article(), "quote", QUOTE),
                Map.of("articleId", story.article(), "quote", QUOTE)));
        refused.put("sources[1]", twice);
        Map<String, Object> late = story.claim(QUOTE);
        late.put("statedOn", DAY.plusDays(10).toString());
        refused.put("statedOn", late);
        for (String field : List.of("speakerId", "addressedPartyId", "incidentId")) {
            Map<String, Object> missing = story.claim(QUOTE);
            missing.put(field, 99_999_999);
            refused.put(field, missing);
        }
        Map<String, Object> backwards = story.claim(QUOTE);
        backwards.put("casualtiesLow", 10);
        backwards.put("casualtiesHigh", 2);
        refused.put("casualtiesHigh", backwards);
        for (Map.Entry<String, Map<String, Object>> e : refused.entrySet()) {
            post("/api/claims", e.getValue()).statusCode(422).body("field", is(e.getKey().strip()));
            assertEquals(0, claimsWith((String) e.getValue().get("proposition")), e.getKey());
        }
        // A ref another claim holds.
        Map<String, Object> again = Fixtures.refusedForTakenRef("/api/claims", () -> story.claim(QUOTE));
        assertEquals(0, claimsWith((String) again.get("proposition")));
        assertEquals(List.of("1"), TestDatabase.column("select count(*) from claim where ref = ?", again.get("ref")));
    }

    @Test
    void theStatementWritesEveryColumnOfClaimAndOfItsSources() throws Exception {
        // A column added to claim or claim_source must be written by the one-statement insert too, or
        // the API's new claims would leave it empty while the admin's corrections fill it.
        TestDatabase.assertInsertWritesEveryColumn(ClaimInsert.SQL, "claim");
        TestDatabase.assertInsertWritesEveryColumn(ClaimInsert.SQL, "claim_source");
    }
}
