package org.claimtracker.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.SqlStatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A list request runs the same small number of SQL statements whatever its page size: no
 * statement per item (no N+1). Each list is asked for a page of 2 and a page of 40 over data that
 * fills both, and the two counts must match and stay under the bound.
 */
@QuarkusTest
class StatementCountTest {

    private static final int ITEMS = 45;
    private static final LocalDate DAY = LocalDate.of(2018, 4, 7);

    private static long party;
    private static long outlet;
    private static long incident;
    private static long claimant;
    private static long group;
    private static long claim;
    private static long firstClaim;

    /** Built once and only read by the tests, so they do not depend on each other. */
    @BeforeEach
    void manyRecords() {
        if (group != 0) {
            return;
        }
        outlet = Fixtures.outlet();
        party = Fixtures.state("Accused");
        claimant = Fixtures.party("Accuser", "government_body");
        incident = Fixtures.incident();
        long coalition = Fixtures.party("Group", "coalition");
        for (int i = 0; i < ITEMS; i++) {
            String text = "Report " + i + ": jets bombed the bridge. The accused denied it. " + Fixtures.unique("");
            long article = Fixtures.created("/api/articles", Fixtures.articleBody(outlet, text, DAY));
            Map<String, Object> claim = Fixtures.claimBody(claimant, party, article, "jets bombed the bridge", DAY);
            claim.put("incidentId", incident);
            long claimId = Fixtures.created("/api/claims", claim);
            StatementCountTest.claim = claimId;
            if (i == 0) {
                firstClaim = claimId;
            }
            Fixtures.response(claimId, party, i % 2 == 0 ? "denies" : "assessing", DAY, article, "The accused denied it.");
            long member = Fixtures.created("/api/parties", Map.of("name", Fixtures.unique("Member"), "kind", "state",
                    "aliases", List.of(Fixtures.unique("alias"), Fixtures.unique("alias")), "parentId", coalition));
            Fixtures.created("/api/parties/" + member + "/memberships", Map.of("groupId", coalition));
        }
        group = coalition;
    }

    /** Counts the statements of one request; a first request warms up caches (the login). */
    private static int statementsFor(String path) {
        given().get(path).then().statusCode(200);
        return SqlStatementCounter.fewest(() -> given().get(path).then().statusCode(200));
    }

    private static void assertBounded(String path, int bound) {
        String joiner = path.contains("?") ? "&" : "?";
        int small = statementsFor(path + joiner + "size=2");
        int large = statementsFor(path + joiner + "size=40");
        assertEquals(small, large, path + ": statements grow with the page size");
        assertTrue(large <= bound, path + ": " + large + " statements, more than " + bound);
    }

    @Test
    void everyListRunsABoundedNumberOfStatements() {
        assertBounded("/api/outlets", 3);
        assertBounded("/api/articles?outletId=" + outlet, 2);
        assertBounded("/api/parties", 3);
        assertBounded("/api/incidents", 3);
        assertBounded("/api/claims?claimantId=" + claimant, 2);
        assertBounded("/api/responses?partyId=" + party, 2);
        // Recorded quotes as Web Annotations: the count and the page, the collection and a page alike.
        assertBounded("/api/annotations?partyId=" + party, 2);
        assertBounded("/api/annotations?page=0&partyId=" + party, 2);
        assertBounded("/api/annotations?claimId=" + firstClaim, 2);
        // Current positions: one statement, whose JSON PostgreSQL writes (PositionService.currentClaimsJson).
        assertBounded("/api/parties/" + party + "/claims", 1);
        assertBounded("/api/parties/" + party + "/claims?status=denied", 1);
        assertBounded("/api/parties/" + party + "/claims?asOf=2030-01-01", 3);
    }

    /** A claim is one statement, whose JSON PostgreSQL writes (claim/ClaimJson), as of a date too. */
    @Test
    void aClaimIsOneStatement() {
        assertEquals(1, statementsFor("/api/claims/" + claim), "claim");
        assertEquals(1, statementsFor("/api/claims/" + claim + "?asOf=" + DAY), "claim as of a date");
        assertEquals(1, statementsFor("/api/claims/" + claim + "?asOf=" + DAY.minusDays(1)), "claim before its responses");
    }

    @Test
    void detailPagesRunABoundedNumberOfStatementsWhateverTheirSize() {
        assertTrue(statementsFor("/api/incidents/" + incident) <= 4, "incident timeline");
        assertTrue(statementsFor("/api/parties/" + party + "/summary") <= 2, "party summary");
        assertTrue(statementsFor("/api/parties/" + group) <= 5, "party with 45 members");
    }
}
