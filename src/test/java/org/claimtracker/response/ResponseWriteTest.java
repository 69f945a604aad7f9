package org.claimtracker.response;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.createdAsRead;
import static org.claimtracker.support.Fixtures.post;
import static org.claimtracker.support.Fixtures.responseBody;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A new response is written in one SQL statement (ResponseInsert) when it is sound, and answered
 * exactly as it reads back; when the statement finds fault, the entity path's checks answer with the
 * field, and nothing is written.
 */
@QuarkusTest
class ResponseWriteTest {

    private static final LocalDate DAY = LocalDate.of(2021, 6, 14);
    private static final String QUOTE = "the ministry rejected the report as fabricated";
    private static final String TWICE = "it said so again";

    /** An article holding QUOTE once and TWICE twice, a claim from it, and the two parties. */
    private record Story(long article, long claim, long accuser, long accused) {

        static Story make() {
            String text = "On Monday " + QUOTE + ", and " + TWICE + ". Later " + TWICE + " to reporters. "
                    + Fixtures.unique("Ref");
            long article = Fixtures.article(text, DAY.plusDays(2));
            long accuser = Fixtures.state("Writer Accuser");
            long accused = Fixtures.state("Writer Accused");
            long claim = Fixtures.claim(accuser, accused, article, QUOTE, DAY);
            return new Story(article, claim, accuser, accused);
        }

        Map<String, Object> response(String quote) {
            return responseBody(claim, accused, "denies", DAY.plusDays(1), article, quote);
        }
    }

    private static long responsesOf(long claim) throws Exception {
        return TestDatabase.number("select count(*) from response where claim_id = ?", claim);
    }

    @Test
    void aSoundResponseIsOneStatementAndAnsweredAsItReadsBack() throws Exception {
        Story story = Story.make();
        long speaker = Fixtures.state("Writer Spokesman");
        long counter = Fixtures.claim(story.accused(), story.accuser(), story.article(), QUOTE, DAY);

        // The quote found by the database, with no offsets given.
        JsonPath plain = createdAsRead("/api/responses", story.response(QUOTE));
        assertEquals(QUOTE, plain.getString("source.quote"));
        int at = plain.getInt("source.start");
        assertEquals(at + QUOTE.length(), plain.getInt("source.end"));
        assertEquals(story.claim(), plain.getLong("claim.id"));

        // Every optional field, and a quote that occurs twice placed by its start.
        String ref = Fixtures.unique("writer").replace(' ', '-');
        Map<String, Object> full = story.response(TWICE);
        int second = ((String) given().get("/api/articles/" + story.article()).then().extract().path("text"))
                .lastIndexOf(TWICE);
        full.put("source", Map.of("articleId", story.article(), "quote", TWICE, "start", second, "end",
                second + TWICE.length()));
        full.put("stance", "counter_attributes");
        full.put("speakerId", speaker);
        full.put("counterClaimId", counter);
        full.put("ref", ref);
        full.put("note", "  said at a briefing  ");
        JsonPath rich = createdAsRead("/api/responses", full);
        assertEquals(second, rich.getInt("source.start"));
        assertEquals(ref, rich.getString("ref"));
        assertEquals("said at a briefing", rich.getString("note"));
        assertEquals(speaker, rich.getLong("speaker.id"));
        assertEquals(counter, rich.getLong("counterClaim.id"));
        assertEquals(List.of("1"), TestDatabase.column(
                "select count(*) from response where ref = ? and quote_start = ? and speaker_id = ?", ref, second, speaker));

        // One statement from the tracker (the insert with its checks and its answer), however many times.
        int statements = SqlStatementCounter.fewest(() -> post("/api/responses", story.response(QUOTE)).statusCode(201));
        assertEquals(1, statements, "statements of POST /api/responses");
        // The position followed (the database's triggers): the accused denied the claim.
        given().get("/api/parties/" + story.accused() + "/claims?status=denied").then().statusCode(200)
                .body("items.find { it.claimId == " + story.claim() + " }.position", is("denied"));
    }

    @Test
    void whatTheStatementRefusesIsNamedByTheChecksAndNothingIsWritten() throws Exception {
        Story story = Story.make();
        // The quote is not in the article; it occurs twice and no start says which; a start where it is not.
        post("/api/responses", story.response("the ministry accepted the report")).statusCode(422)
                .body("field", is("source.quote"));
        post("/api/responses", story.response(TWICE)).statusCode(422).body("field", is("source.start"));
        Map<String, Object> misplaced = story.response(QUOTE);
        misplaced.put("source", Map.of("articleId", story.article(), "quote", QUOTE, "start", 0));
        post("/api/responses", misplaced).statusCode(422).body("field", is("source.start"));
        // A speaker, a counter-claim or an article that does not exist.
        Map<String, Object> noSpeaker = story.response(QUOTE);
        noSpeaker.put("speakerId", 99_999_999);
        post("/api/responses", noSpeaker).statusCode(422).body("field", is("speakerId"));
        Map<String, Object> noCounter = story.response(QUOTE);
        noCounter.put("counterClaimId", 99_999_999);
        post("/api/responses", noCounter).statusCode(422).body("field", is("counterClaimId"));
        Map<String, Object> noArticle = story.response(QUOTE);
        noArticle.put("source", Map.of("articleId", 99_999_999, "quote", QUOTE));
        post("/api/responses", noArticle).statusCode(422).body("field", is("source.articleId"));
        // A ref another response holds.
        Fixtures.refusedForTakenRef("/api/responses", () -> story.response(QUOTE));
        assertEquals(1, responsesOf(story.claim()));
        assertTrue(given().get("/api/responses?claimId=" + story.claim()).then().statusCode(200).extract()
                .jsonPath().getList("items").size() == 1);
    }

    @Test
    void theStatementWritesEveryColumnOfResponse() throws Exception {
        // A column added to response must be written by the one-statement insert too, or the API's
        // new responses would leave it empty while the admin's corrections fill it.
        TestDatabase.assertInsertWritesEveryColumn(ResponseInsert.SQL, "response");
    }
}
