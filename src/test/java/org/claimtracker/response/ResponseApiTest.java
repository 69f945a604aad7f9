package org.claimtracker.response;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.post;
import static org.claimtracker.support.Fixtures.put;
import static org.claimtracker.support.Fixtures.responseBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResponseApiTest {

    private static final LocalDate DAY = LocalDate.of(2016, 10, 19);

    private long article;
    private long claim;
    private long belgium;
    private long russia;

    @BeforeEach
    void data() {
        article = Fixtures.article("Russia says Belgian jets bombed the village. The Belgians categorically deny that"
                + " the raid took place. Russia says it has radar data.", DAY.plusDays(2));
        russia = Fixtures.state("Russia");
        belgium = Fixtures.state("Belgium");
        claim = Fixtures.claim(russia, belgium, article, "Belgian jets bombed the village", DAY);
    }

    @Test
    void recordsReadsCorrectsAndDeletesAResponse() {
        Map<String, Object> body = responseBody(claim, belgium, "denies", DAY, article,
                "The Belgians categorically deny that the raid took place.");
        body.put("note", "Through the foreign ministry");
        body.put("ref", "belgium-denies-" + System.nanoTime());
        long id = created("/api/responses", body);
        given().get("/api/responses/" + id).then().statusCode(200)
                .body("claim.id", is((int) claim))
                .body("party.id", is((int) belgium))
                .body("stance", is("denies"))
                .body("source.quote", is("The Belgians categorically deny that the raid took place."))
                .body("source.article.id", is((int) article))
                .body("note", is("Through the foreign ministry"));
        post("/api/responses", body).statusCode(409).body("field", is("ref"));

        body.put("statedOn", DAY.plusDays(1).toString());
        body.put("version", 0);
        put("/api/responses/" + id, body).statusCode(200).body("statedOn", is(DAY.plusDays(1).toString()));
        Fixtures.delete("/api/responses/" + id).statusCode(204);
        given().get("/api/responses/" + id).then().statusCode(404);
    }

    @Test
    void responsesAccumulateAndListByPartyAndStance() {
        long first = Fixtures.response(claim, belgium, "assessing", DAY, article, "Belgian jets bombed the village");
        long second = Fixtures.response(claim, belgium, "denies", DAY.plusDays(1), article,
                "The Belgians categorically deny that the raid took place.");
        long russian = Fixtures.response(claim, russia, "asserts", DAY.plusDays(2), article, "Russia says it has radar data.");
        given().queryParam("claimId", claim).get("/api/responses").then().statusCode(200)
                .body("total", is(3)).body("items.id", contains((int) russian, (int) second, (int) first));
        given().queryParam("claimId", claim).queryParam("partyId", belgium).queryParam("stance", "denies")
                .get("/api/responses").then().body("items.id", contains((int) second));
        given().queryParam("stance", "shrugs").get("/api/responses").then().statusCode(400).body("field", is("stance"));
    }

    @Test
    void datesAndLinksAreChecked() {
        Map<String, Object> early = responseBody(claim, belgium, "denies", DAY.minusDays(1), article,
                "The Belgians categorically deny that the raid took place.");
        post("/api/responses", early).statusCode(422).body("field", is("statedOn"));
        Map<String, Object> late = responseBody(claim, belgium, "denies", DAY.plusDays(3), article,
                "The Belgians categorically deny that the raid took place.");
        post("/api/responses", late).statusCode(422).body("field", is("statedOn"));
        Map<String, Object> self = responseBody(claim, belgium, "counter_attributes", DAY, article,
                "The Belgians categorically deny that the raid took place.");
        self.put("counterClaimId", claim);
        post("/api/responses", self).statusCode(422).body("field", is("counterClaimId"));
        Map<String, Object> missingQuote = responseBody(claim, belgium, "denies", DAY, article, "The Belgians deny it");
        post("/api/responses", missingQuote).statusCode(422).body("field", is("source.quote"));
        Map<String, Object> noSource = responseBody(claim, belgium, "denies", DAY, article, "x");
        noSource.remove("source");
        post("/api/responses", noSource).statusCode(400).body("field", is("source"));
        post("/api/responses", responseBody(99999999, belgium, "denies", DAY, article, "x")).statusCode(422)
                .body("field", is("claimId"));
        post("/api/responses", responseBody(claim, 99999999, "denies", DAY, article, "x")).statusCode(422)
                .body("field", is("partyId"));
    }
}
