package org.claimtracker.position;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.DAY;
import static org.claimtracker.support.Fixtures.claim;
import static org.claimtracker.support.Fixtures.party;
import static org.claimtracker.support.Fixtures.response;
import static org.claimtracker.support.Fixtures.state;
import static org.hamcrest.Matchers.any;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PositionApiTest {

    private static final String TEXT = "The defence ministry of A says two jets of B bombed the village of V,"
            + " killing 6 civilians. B categorically denies it. Monitor C says local sources confirm the strike."
            + " B is assessing the reports. B later said it was E that bombed V. A has withdrawn the allegation."
            + " B admits one of its jets was in the area.";

    private long article;
    private long a;
    private long b;
    private long c;

    @BeforeEach
    void story() {
        article = Fixtures.article(TEXT, DAY.plusDays(10));
        a = party("Ministry A", "government_body");
        b = state("B");
        c = party("Monitor C", "monitor_ngo");
    }

    private ValidatableResponse claimsOf(long party, String query) {
        return given().when().get("/api/parties/" + party + "/claims" + query).then().statusCode(200);
    }

    @Test
    void aDenialPutsTheClaimUnderDeniedWithItsSourceAndAConfirmingMonitorUnderConfirmed() {
        long claim = claim(a, b, article, "two jets of B bombed the village of V", DAY);
        response(claim, b, "denies", DAY.plusDays(1), article, "B categorically denies it.");
        response(claim, c, "confirms", DAY.plusDays(1), article, "local sources confirm the strike");

        claimsOf(b, "?status=denied")
                .body("total", is(1))
                .body("items[0].claimId", is((int) claim))
                .body("items[0].position", is("denied"))
                .body("items[0].claimant.id", is((int) a))
                .body("items[0].addressedParty.id", is((int) b))
                .body("items[0].latestResponse.stance", is("denies"))
                .body("items[0].latestResponse.statedOn", is(DAY.plusDays(1).toString()))
                .body("items[0].latestResponse.quote", is("B categorically denies it."))
                .body("items[0].latestResponse.article.id", is((int) article));
        claimsOf(b, "?status=unresolved").body("total", is(0)).body("items", empty());
        claimsOf(c, "?status=confirmed").body("items.claimId", contains((int) claim));
        claimsOf(a, "").body("total", is(0));
    }

    @Test
    void anAddressedPartyThatHasNotAnsweredOrIsAssessingIsUnresolved() {
        long silent = claim(a, b, article, "two jets of B bombed the village of V", DAY);
        long assessed = claim(a, b, article, "killing 6 civilians", DAY);
        response(assessed, b, "assessing", DAY.plusDays(2), article, "B is assessing the reports.");

        claimsOf(b, "?status=unresolved")
                .body("total", is(2))
                .body("items.claimId", contains((int) assessed, (int) silent))
                .body("items[0].latestResponse.stance", is("assessing"))
                .body("items[1].latestResponse", nullValue());
        given().when().get("/api/parties/" + b + "/summary").then().statusCode(200)
                .body("counts.unresolved", is(2))
                .body("counts.denied", is(0))
                .body("total", is(2));
    }

    @Test
    void asOfAnswersWithTheLatestStanceOnThatDate() {
        long claim = claim(a, b, article, "two jets of B bombed the village of V", DAY);
        response(claim, b, "assessing", DAY.plusDays(1), article, "B is assessing the reports.");
        response(claim, b, "denies", DAY.plusDays(5), article, "B categorically denies it.");

        claimsOf(b, "?asOf=" + DAY.plusDays(2)).body("items[0].position", is("unresolved"))
                .body("items[0].latestResponse.stance", is("assessing"));
        claimsOf(b, "?asOf=" + DAY.plusDays(5)).body("items[0].position", is("denied"));
        claimsOf(b, "").body("items[0].position", is("denied"));
        claimsOf(b, "?asOf=" + DAY.minusDays(1)).body("total", is(0));
        given().when().get("/api/parties/" + b + "/summary?asOf=" + DAY.plusDays(2)).then().statusCode(200)
                .body("counts.unresolved", is(1)).body("counts.denied", is(0)).body("asOf", is(DAY.plusDays(2).toString()));
        given().when().get("/api/claims/" + claim + "?asOf=" + DAY.plusDays(2)).then().statusCode(200)
                .body("responses", hasSize(1))
                .body("positions.find { it.party.id == " + b + " }.position", is("unresolved"));
    }

    @Test
    void counterAttributionDeniesTheFirstClaimAndLinksTheNewOne() {
        long e = state("E");
        long original = claim(a, b, article, "two jets of B bombed the village of V", DAY);
        long counter = claim(b, e, article, "it was E that bombed V", DAY.plusDays(3));
        Map<String, Object> body = Fixtures.responseBody(original, b, "counter_attributes", DAY.plusDays(3), article,
                "B later said it was E that bombed V.");
        body.put("counterClaimId", counter);
        long responseId = Fixtures.created("/api/responses", body);

        claimsOf(b, "?status=denied").body("items.claimId", contains((int) original));
        claimsOf(e, "?status=unresolved").body("items.claimId", contains((int) counter));
        given().when().get("/api/claims/" + counter).then().statusCode(200)
                .body("madeInResponseTo", hasSize(1))
                .body("madeInResponseTo[0].responseId", is((int) responseId))
                .body("madeInResponseTo[0].claim.id", is((int) original))
                .body("madeInResponseTo[0].stance", is("counter_attributes"));
        given().when().get("/api/claims/" + original).then().statusCode(200)
                .body("responses[0].counterClaim.id", is((int) counter));
    }

    @Test
    void theClaimantRetractingWithdrawsTheClaimAndPartialConfirmationIsItsOwnPosition() {
        long claim = claim(a, b, article, "two jets of B bombed the village of V", DAY);
        response(claim, b, "partially_confirms", DAY.plusDays(1), article, "B admits one of its jets was in the area.");
        response(claim, a, "retracts", DAY.plusDays(2), article, "A has withdrawn the allegation.");

        claimsOf(a, "?status=withdrawn").body("items.claimId", contains((int) claim));
        claimsOf(b, "?status=partially_confirmed").body("items.claimId", contains((int) claim));
        given().when().get("/api/parties/" + a + "/summary").then().statusCode(200)
                .body("counts.withdrawn", is(1)).body("total", is(1));
    }

    @Test
    void theClaimShowsEveryInvolvedPartysPositionAndItsHistoryInDateOrder() {
        long claim = claim(a, b, article, "two jets of B bombed the village of V", DAY);
        long later = response(claim, b, "denies", DAY.plusDays(4), article, "B categorically denies it.");
        long earlier = response(claim, b, "assessing", DAY.plusDays(1), article, "B is assessing the reports.");
        response(claim, c, "confirms", DAY.plusDays(2), article, "local sources confirm the strike");

        given().when().get("/api/claims/" + claim).then().statusCode(200)
                .body("responses.id", contains(is((int) earlier), any(Integer.class), is((int) later)))
                .body("responses.statedOn", equalTo(List.of(DAY.plusDays(1).toString(), DAY.plusDays(2).toString(),
                        DAY.plusDays(4).toString())))
                .body("positions.role", contains("claimant", "addressed", "respondent"))
                .body("positions[0].position", nullValue())
                .body("positions[1].position", is("denied"))
                .body("positions[1].latestStance", is("denies"))
                .body("positions[2].party.id", is((int) c))
                .body("positions[2].position", is("confirmed"));
    }

    @Test
    void commentaryGivesNoPositionUnlessAskedForAsOfAnyDate() {
        Map<String, Object> body = Fixtures.claimBody(a, b, article, "two jets of B bombed the village of V", DAY);
        body.put("kind", "commentary");
        long commentary = Fixtures.created("/api/claims", body);
        response(commentary, c, "confirms", DAY.plusDays(1), article, "local sources confirm the strike");

        claimsOf(b, "").body("total", is(0));
        claimsOf(c, "").body("total", is(0));
        claimsOf(b, "?asOf=" + DAY.plusDays(3)).body("total", is(0));
        given().when().get("/api/parties/" + b + "/summary").then().statusCode(200).body("total", is(0));
        claimsOf(b, "?commentary=true").body("total", is(1))
                .body("items[0].claimId", is((int) commentary)).body("items[0].kind", is("commentary"))
                .body("items[0].position", is("unresolved"));
        claimsOf(c, "?commentary=true&status=confirmed").body("items.claimId", contains((int) commentary));
        claimsOf(b, "?commentary=true&asOf=" + DAY.minusDays(1)).body("total", is(0));
        claimsOf(b, "?commentary=true&asOf=" + DAY).body("items[0].position", is("unresolved"));
        given().when().get("/api/parties/" + b + "/summary?commentary=true").then().statusCode(200)
                .body("counts.unresolved", is(1)).body("total", is(1));

        // Made a claim, it counts at once; made commentary again, it no longer does.
        body.put("kind", "attack_attribution");
        Fixtures.put("/api/claims/" + commentary, body).statusCode(200);
        claimsOf(b, "").body("total", is(1)).body("items[0].position", is("unresolved"));
        claimsOf(c, "?status=confirmed").body("items.claimId", contains((int) commentary));
        body.put("kind", "commentary");
        Fixtures.put("/api/claims/" + commentary, body).statusCode(200);
        claimsOf(b, "").body("total", is(0));
        claimsOf(c, "").body("total", is(0));
    }

    @Test
    void badParametersAreNamedAndUnknownPartiesAre404() {
        given().when().get("/api/parties/" + b + "/claims?commentary=maybe").then().statusCode(400)
                .contentType("application/problem+json").body("field", is("commentary"));
        given().when().get("/api/parties/" + b + "/summary?commentary=yes").then().statusCode(400)
                .body("field", is("commentary"));
        given().when().get("/api/parties/" + b + "/claims?status=maybe").then().statusCode(400)
                .contentType("application/problem+json").body("field", is("status"));
        given().when().get("/api/parties/" + b + "/claims?asOf=yesterday").then().statusCode(400)
                .body("field", is("asOf"));
        given().when().get("/api/parties/" + b + "/claims?size=0").then().statusCode(400)
                .body("field", is("size"));
        given().when().get("/api/parties/987654321/claims").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/parties/987654321/summary").then().statusCode(404);
    }
}
