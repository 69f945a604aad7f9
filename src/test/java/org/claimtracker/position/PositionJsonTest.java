package org.claimtracker.position;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.DAY;
import static org.claimtracker.support.Fixtures.claim;
import static org.claimtracker.support.Fixtures.party;
import static org.claimtracker.support.Fixtures.response;
import static org.claimtracker.support.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.SqlStatementCounter;
import org.junit.jupiter.api.Test;

/**
 * A page of a party's claims has one shape: PostgreSQL writes it (PositionService.PAGE_JSON), the
 * API passes it on, and PartyClaim describes it (to the API description and the admin pages, which
 * read it into records). This test holds the SQL and the records to one another: every page the API
 * answers must read strictly into records (every field present, none unknown), Jackson must write
 * those records back as the same document (same fields in the same order, same nulls, same dates,
 * same text to the last escaped character, as compact), and the admin pages must get the same
 * records. So that the shape is not only checked against itself, every item must also say what the
 * claim API (entities, and positions derived on the fly) says of its claim.
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

    /** Claims as the claim API answers them, by id and date. */
    private final Map<String, JsonNode> claims = new HashMap<>();

    /** Reads a page as the shape demands, whatever the application's mapper allows. */
    private ObjectReader strictReader() {
        return mapper.readerFor(new TypeReference<Page<PartyClaim>>() { })
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private String apiBody(long party, String query) {
        return given().get("/api/parties/" + party + "/claims" + query).then().statusCode(200)
                .contentType("application/json").extract().asString();
    }

    private JsonNode api(String path) {
        try {
            return mapper.readTree(given().get(path).then().statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    /** Written again by one mapper, whose trees keep the order: escapes then agree in the case of hex digits. */
    private String normalised(String json) throws Exception {
        return mapper.writeValueAsString(mapper.readTree(json));
    }

    /** The page's shape, with and without commentary; returns the page without. */
    private Page<PartyClaim> assertShape(long party, Position status, LocalDate asOf, int page, int size)
            throws Exception {
        assertShape(party, status, asOf, true, page, size);
        return assertShape(party, status, asOf, false, page, size);
    }

    private Page<PartyClaim> assertShape(long party, Position status, LocalDate asOf, boolean commentary, int page,
            int size) throws Exception {
        String query = "?page=" + page + "&size=" + size + (status == null ? "" : "&status=" + status.name())
                + (asOf == null ? "" : "&asOf=" + asOf) + (commentary ? "&commentary=true" : "");
        String where = "party " + party + query;
        String body = apiBody(party, query);
        Page<PartyClaim> read = strictReader().readValue(body);
        String written = mapper.writeValueAsString(read);
        assertEquals(normalised(written), normalised(body), where);
        assertEquals(written.length(), body.length(), where + ": as compact as Jackson's");
        // A NOT NULL assumption wrong in the SQL would drop an item silently (text || null is null).
        assertEquals(Math.max(0, Math.min(size, read.total() - (long) page * size)), read.items().size(),
                where + ": every position of the page is an item");
        assertEquals(read, service.claimsOf(party, status, asOf, commentary, new PageParams(page, size)),
                where + ": the admin pages' records");
        for (JsonNode item : mapper.readTree(body).get("items")) {
            assertAsTheClaimSays(party, asOf, item, where);
        }
        return read;
    }

    private void assertAsTheClaimSays(long party, LocalDate asOf, JsonNode item, String where) {
        long id = item.get("claimId").asLong();
        String at = where + ", claim " + id;
        JsonNode claim = claims.computeIfAbsent(id + "@" + asOf,
                key -> api("/api/claims/" + id + (asOf == null ? "" : "?asOf=" + asOf)));
        for (String field : List.of("ref", "proposition", "kind", "statedOn", "claimant", "addressedParty", "incident")) {
            assertEquals(claim.get(field), item.get(field), at + ": " + field);
        }
        JsonNode position = null;
        for (JsonNode p : claim.get("positions")) {
            if (p.get("party").get("id").asLong() == party) {
                position = p;
            }
        }
        assertNotNull(position, at + ": the claim names the party");
        assertEquals(position.get("position").asText(), item.get("position").asText(), at + ": position");
        JsonNode latest = item.get("latestResponse");
        if (position.get("responseId").isNull()) {
            assertTrue(latest.isNull(), at + ": no response, no latest response");
            return;
        }
        assertEquals(position.get("responseId"), latest.get("id"), at + ": latest response");
        assertEquals(position.get("latestStance"), latest.get("stance"), at + ": stance");
        assertEquals(position.get("statedOn"), latest.get("statedOn"), at + ": stated on");
        JsonNode response = null;
        for (JsonNode r : claim.get("responses")) {
            if (r.get("id").equals(latest.get("id"))) {
                response = r;
            }
        }
        assertNotNull(response, at + ": the claim lists the latest response");
        assertEquals(response.get("source").get("quote"), latest.get("quote"), at + ": quote");
        assertEquals(response.get("source").get("article"), latest.get("article"), at + ": article");
    }

    @Test
    void awkwardTextNullsAndEveryPositionKeepTheShape() throws Exception {
        long article = Fixtures.article(TEXT, DAY.plusDays(10));
        long a = party("Ministry A", "government_body");
        long b = state("B");
        long c = party("Monitor C", "monitor_ngo");
        long incident = Fixtures.incident();

        Map<String, Object> withIncident = Fixtures.claimBody(a, b, article, "Jets of B bombed the caf\u00e9 at V\\W.", DAY);
        withIncident.put("incidentId", incident);
        withIncident.put("proposition", "The \"caf\u00e9\" at V\\W was hit\nby B \uD83D\uDE42");
        withIncident.put("ref", "cafe-strike-" + UUID.randomUUID());
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
        // Commentary: a position for B and C only when asked for.
        Map<String, Object> commentary = Fixtures.claimBody(c, b, article, "B admits one jet", DAY.plusDays(8));
        commentary.put("kind", "commentary");
        long read = Fixtures.created("/api/claims", commentary);
        response(read, b, "denies", DAY.plusDays(9), article, "B denies it");

        for (long party : List.of(a, b, c)) {
            for (LocalDate asOf : new LocalDate[] {null, DAY.plusDays(3), DAY.plusDays(20)}) {
                assertShape(party, null, asOf, 0, 20);
                for (Position status : Position.values()) {
                    assertShape(party, status, asOf, 0, 20);
                }
                assertShape(party, null, asOf, 0, 2);
                assertShape(party, null, asOf, 1, 2);
                assertShape(party, null, asOf, 9, 2);
            }
        }
        Page<PartyClaim> page = assertShape(b, null, null, 1, 2);
        assertEquals(4, page.total(), "B's positions");
        assertEquals(2, page.items().size());
        assertEquals(5, assertShape(b, null, null, true, 0, 20).total(), "B's positions with commentary");
        assertEquals(0, assertShape(b, null, null, 9, 2).items().size(), "a page past the end is empty");
        assertEquals(3, assertShape(b, null, DAY.plusDays(3), 0, 20).total(), "B's positions as of the third day");
        PartyClaim cafe = assertShape(b, Position.denied, null, 0, 20).items().get(0);
        assertEquals(withIncident.get("proposition"), cafe.proposition());
        assertEquals(withIncident.get("ref"), cafe.ref());
        assertEquals(incident, cafe.incident().id());
        assertEquals("B denies it \u2014 \u00abcategorically\u00bb.", cafe.latestResponse().quote());
    }

    @Test
    void theSeedDatasetsPartiesKeepTheShape() throws Exception {
        // The first 200 parties by name: the seed dataset's, and whatever other tests made.
        List<Long> parties = new ArrayList<>();
        api("/api/parties?size=200").get("items").forEach(p -> parties.add(p.get("id").asLong()));
        int withPositions = 0;
        for (long party : parties) {
            assertShape(party, null, LocalDate.of(2017, 1, 1), 0, 50);
            if (assertShape(party, null, null, true, 0, 1).total() == 0) {
                assertShape(party, null, null, 0, 50);
                continue;
            }
            withPositions++;
            assertShape(party, null, null, 0, 50);
            for (Position status : Position.values()) {
                assertShape(party, status, null, 0, 50);
            }
        }
        assertTrue(withPositions >= 5, "the seed dataset gives positions to several parties: " + withPositions);
    }

    @Test
    void whatTheRecordsLackOrDoNotKnowFailsTheReading() throws Exception {
        long b = state("B");
        long claim = claim(party("Ministry A", "government_body"), b, Fixtures.article(TEXT, DAY), "Ministry A said", DAY);
        ObjectNode page = (ObjectNode) mapper.readTree(apiBody(b, ""));
        assertEquals(claim, strictReader().<Page<PartyClaim>>readValue(page).items().get(0).claimId());
        ObjectNode item = (ObjectNode) page.get("items").get(0);
        item.put("note", "a field the records do not have");
        assertThrows(MismatchedInputException.class, () -> strictReader().readValue(page));
        item.remove("note");
        item.remove("incident");
        assertThrows(MismatchedInputException.class, () -> strictReader().readValue(page));
    }

    @Test
    void theAdminPagesReadAPageInNoMoreStatementsThanTheApi() {
        long b = state("B");
        claim(party("Ministry A", "government_body"), b, Fixtures.article(TEXT, DAY), "Ministry A said", DAY);
        assertEquals(1, SqlStatementCounter.fewest(() -> assertEquals(1, service.claimsOf(b, null, null, false,
                new PageParams(0, 50)).total())), "current: one statement");
        assertEquals(2, SqlStatementCounter.fewest(() -> assertEquals(1, service.claimsOf(b, null, DAY, true,
                new PageParams(0, 50)).total())), "as of a date: the count, then the page");
    }

    @Test
    void anUnknownPartyIsStillAProblemNamingTheParty() {
        for (String query : List.of("", "?status=denied", "?asOf=2020-01-01", "?asOf=2020-01-01&status=denied&commentary=true")) {
            given().get("/api/parties/987654321/claims" + query).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        for (LocalDate asOf : new LocalDate[] {null, DAY}) {
            ApiProblem problem = assertThrows(ApiProblem.class,
                    () -> service.claimsOf(987654321, null, asOf, false, new PageParams(0, 20)));
            assertEquals(404, problem.status());
        }
    }
}
