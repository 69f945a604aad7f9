package org.claimtracker.position;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Accounts;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;

/** The admin party page's scope switch, on the seed data (looked up by name). */
@QuarkusTest
class ScopedPartyPageTest {

    private static long partyNamed(String name) {
        List<Map<String, Object>> items = given().queryParam("q", name).queryParam("size", 200).get("/api/parties")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(p -> name.equals(p.get("name"))).map(p -> ((Number) p.get("id")).longValue())
                .findFirst().orElseThrow(() -> new AssertionError("party " + name));
    }

    @Test
    void theUnitedStatesWithItsPartsNamesTheRespondingPart() {
        long us = partyNamed("United States");
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        given().auth().none().cookies(session).get("/admin/parties/" + us).then().statusCode(200)
                .body(allOf(containsString("id=\"scope-switch\""), containsString("aria-current=\"page\" data-scope=\"self\""),
                        containsString("id=\"scope-size\""), not(containsString("data-tab=\"contested\"")),
                        not(containsString("class=\"respondent\""))));
        given().auth().none().cookies(session).queryParam("scope", "parts").queryParam("status", "denied")
                .get("/admin/parties/" + us).then().statusCode(200)
                .body(allOf(containsString("aria-current=\"page\" data-scope=\"parts\""),
                        containsString("class=\"respondent\""), containsString(">US Department of Defense</a> on 2017-01-23"),
                        containsString("data-tab=\"contested\""), containsString("&scope=parts#claims")));
        given().auth().none().cookies(session).queryParam("scope", "everyone").get("/admin/parties/" + us).then()
                .statusCode(400);
    }
}
