package org.claimtracker.claim;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.claimBody;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.put;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.Map;
import io.quarkus.test.junit.QuarkusTest;
import org.claimtracker.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Plain fields of the request reach the stored claim with no line of their own in the service
 * (core/PlainFields): changed alone, a field is still written (the change is seen at the flush),
 * its text stripped, blank text stored as null.
 */
@QuarkusTest
class ClaimPlainFieldTest {

    private static final LocalDate DAY = LocalDate.of(2018, 5, 2);

    @Test
    void aPlainFieldChangedAloneRoundTrips() {
        long article = Fixtures.article("The office said the strike killed four. Nobody else spoke.", DAY.plusDays(1));
        long claimant = Fixtures.party("Office", "government_body");
        Map<String, Object> body = claimBody(claimant, null, article, "the strike killed four", DAY);
        long id = created("/api/claims", body);
        int version = given().get("/api/claims/" + id).then().extract().jsonPath().getInt("version");

        body.put("gradingNote", "  checked against the wire  ");
        put("/api/claims/" + id, body).statusCode(200);
        given().get("/api/claims/" + id).then().statusCode(200)
                .body("gradingNote", is("checked against the wire"))
                .body("version", is(version + 1));

        body.put("gradingNote", "   ");
        body.put("casualtiesLow", 4);
        put("/api/claims/" + id, body).statusCode(200);
        given().get("/api/claims/" + id).then().statusCode(200)
                .body("gradingNote", nullValue())
                .body("casualtiesLow", is(4))
                .body("version", is(version + 2));
    }

    @Test
    void aNewClaimsPlainFieldsAreStoredAndAnsweredByTheOneStatementInsert() {
        long article = Fixtures.article("The office said the raid killed nine. Nobody else spoke.", DAY.plusDays(1));
        long claimant = Fixtures.party("Office " + System.nanoTime(), "government_body");
        Map<String, Object> body = claimBody(claimant, null, article, "the raid killed nine", DAY);
        body.put("gradingNote", "  as the wire had it  ");
        body.put("casualtiesLow", 9);
        body.put("casualtiesHigh", null);
        var created = given().contentType("application/json").body(body).post("/api/claims").then().statusCode(201)
                .body("gradingNote", is("as the wire had it")).body("casualtiesLow", is(9))
                .body("casualtiesHigh", nullValue()).body("statedOn", is(DAY.toString()))
                .extract().jsonPath();
        long id = created.getLong("id");
        given().get("/api/claims/" + id).then().statusCode(200)
                .body("gradingNote", is("as the wire had it")).body("casualtiesLow", is(9))
                .body("casualtiesHigh", nullValue()).body("kind", is(created.getString("kind")));
    }
}
