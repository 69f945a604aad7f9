package org.claimtracker.position;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.DAY;
import static org.claimtracker.support.Fixtures.claim;
import static org.claimtracker.support.Fixtures.party;
import static org.claimtracker.support.Fixtures.response;
import static org.claimtracker.support.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimtracker.common.PageParams;
import org.claimtracker.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The API's page of current positions is JSON written by PostgreSQL (PositionService.currentClaimsJson),
 * while the admin pages and the as-of answers build PartyClaim objects that Jackson writes. The two
 * must be the same document: same fields, same nulls, same dates, same text to the last escaped
 * character.
 */
@QuarkusTest
class PositionJsonTest {

    /** Quotes, backslashes, a line break, a tab, accents, an emoji and control characters. */
    private static final String TEXT = "Ministry A said: \"Jets of B bombed the caf\u00e9 at V\\W.\"\n"
            + "B denies it \u2014 \u00abcategorically\u00bb.\tB is assessing the reports \uD83D\uDE42. "
            + "Monitor C says the strike \u0007happened\u001b. B admits one jet was in the area.";

    @Inject
    PositionService service;

    @Inject
    ObjectMapper mapper;

    private String apiBody(long party, String query) {
        return given().get("/api/parties/" + party + "/claims" + query).then().statusCode(200)
                .contentType("application/json").extract().asString();
    }

    private JsonNode api(long party, String query) throws Exception {
        return mapper.readTree(apiBody(party, query));
    }

    private String jackson(long party, Position status, boolean commentary, int page, int size) throws Exception {
        return mapper.writeValueAsString(service.claimsOf(party, status, null, commentary, new PageParams(page, size)));
    }

    /** Without commentary and with it (commentary=true). */
    private void assertSame(long party, Position status, int page, int size) throws Exception {
        for (boolean commentary : new boolean[] {false, true}) {
            String query = "?page=" + page + "&size=" + size + (status == null ? "" : "&status=" + status.name())
                    + (commentary ? "&commentary=true" : "");
            String expected = jackson(party, status, commentary, page, size);
            String actual = apiBody(party, query);
            // The same values in the same order (both written again by one mapper, whose trees keep the
            // order), and no longer than Jackson's: compact. (Escapes may differ in the case of hex digits.)
            assertEquals(mapper.writeValueAsString(mapper.readTree(expected)),
                    mapper.writeValueAsString(mapper.readTree(actual)), "party " + party + query);
            assertEquals(expected.length(), actual.length(), "party " + party + query + ": as compact as Jackson's");
        }
    }

    @Test
    void awkwardTextNullsAndEveryPositionComeOutAsJacksonWritesThem() throws Exception {
        long article = Fixtures.article(TEXT, DAY.plusDays(10));
        long a = party("Ministry A", "government_body");
        long b = state("B");
        long c = party("Monitor C", "monitor_ngo");
        long incident = Fixtures.incident();

        Map<String, Object> withIncident = Fixtures.claimBody(a, b, article, "Jets of B bombed the caf\u00e9 at V\\W.", DAY);
        withIncident.put("incidentId", incident);
        withIncident.put("proposition", "The \"caf\u00e9\" at V\\W was hit\nby B \uD83D\uDE42");
        long denied = Fixtures.created("/api/claims", withIncident);
        response(denied, b, "denies", DAY.plusDays(1), article, "B denies it \u2014 \u00abcategorically\u00bb.");
        long silent = claim(a, b, article, "Monitor C says the strike \u0007happened\u001b.", DAY.plusDays(2));
        long assessed = claim(a, b, article, "B is assessing", DAY.plusDays(3));
        response(assessed, b, "assessing", DAY.plusDays(4), article, "B is assessing the reports \uD83D\uDE42.");
        long partly = claim(a, b, article, "one jet was in the area", DAY.plusDays(5));
        response(partly, b, "partially_confirms", DAY.plusDays(6), article, "B admits one jet was in the area.");
        // Addressed to no one: C's confirmation is C's only position on it.
        long unaddressed = claim(a, null, article, "Jets of B bombed", DAY.plusDays(7));
        response(unaddressed, c, "confirms", DAY.plusDays(8), article, "Monitor C says the strike");
        response(denied, c, "confirms", DAY.plusDays(2), article, "Monitor C says the strike \u0007happened\u001b.");
        response(silent, a, "retracts", DAY.plusDays(9), article, "Ministry A said");

        for (long party : List.of(a, b, c)) {
            assertSame(party, null, 0, 20);
            for (Position status : Position.values()) {
                assertSame(party, status, 0, 20);
            }
            assertSame(party, null, 0, 2);
            assertSame(party, null, 1, 2);
            assertSame(party, null, 9, 2);
        }
        JsonNode page = api(b, "?size=2&page=1");
        assertEquals(4, page.get("total").asInt(), "B's positions");
        assertEquals(2, page.get("items").size());
        assertEquals(0, api(b, "?size=2&page=9").get("items").size(), "a page past the end is empty");
        assertTrue(api(b, "?status=denied").get("items").get(0).get("proposition").asText().contains("\"caf\u00e9\""));
    }

    @Test
    void theSeedDatasetsPartiesAnswerAsJacksonWouldWriteThem() throws Exception {
        // The first 200 parties by name: the seed dataset's, and whatever other tests made.
        List<Long> parties = new ArrayList<>();
        mapper.readTree(given().get("/api/parties?size=200").then().statusCode(200).extract().asString())
                .get("items").forEach(p -> parties.add(p.get("id").asLong()));
        int withPositions = 0;
        for (long party : parties) {
            if (mapper.readTree(jackson(party, null, true, 0, 1)).get("total").asLong() == 0) {
                assertSame(party, null, 0, 50);
                continue;
            }
            withPositions++;
            assertSame(party, null, 0, 50);
            for (Position status : Position.values()) {
                assertSame(party, status, 0, 50);
            }
        }
        assertTrue(withPositions >= 5, "the seed dataset gives positions to several parties: " + withPositions);
    }

    @Test
    void anUnknownPartyIsStillAProblemNamingTheParty() {
        given().get("/api/parties/987654321/claims").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/parties/987654321/claims?status=denied").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
