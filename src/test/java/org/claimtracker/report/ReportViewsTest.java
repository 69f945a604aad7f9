package org.claimtracker.report;

import static io.restassured.RestAssured.given;
import static org.claimtracker.report.ReportStory.D;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reporting views' figures over a dataset built for them (see ReportStory), read by our own ids. */
@QuarkusTest
class ReportViewsTest {

    private static ReportStory s;

    /** Built once and only read by the tests, so they do not depend on each other. */
    @BeforeEach
    void story() {
        if (s == null) {
            s = ReportStory.build();
        }
    }

    /** The story's names of its parties (a, b, c, e); ids of different records may be equal. */
    private static String party(Object id) {
        return Map.of(s.a, "a", s.b, "b", s.c, "c", s.e, "e").get(id);
    }

    /** The story's names of its claims (c1 to c8). */
    private static String claim(Object id) {
        long[] claims = s.claims();
        for (int i = 0; i < claims.length; i++) {
            if (Long.valueOf(claims[i]).equals(id)) {
                return "c" + (i + 1);
            }
        }
        return null;
    }

    /** Rows rendered as "claim/party/role/position/stance" with the story's names, for readable comparisons. */
    private Set<String> positions(String relation, Object... parameters) {
        return Sql.rows("select claim_id, party_id, party_role, position, latest_stance from " + relation
                        + " where claim_id = any(?)", append(parameters, s.claims())).stream()
                .map(r -> claim(r.get("claim_id")) + "/" + party(r.get("party_id")) + "/" + r.get("party_role")
                        + "/" + r.get("position") + "/" + r.get("latest_stance"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Object[] append(Object[] parameters, Object last) {
        Object[] all = java.util.Arrays.copyOf(parameters, parameters.length + 1);
        all[parameters.length] = last;
        return all;
    }

    @Test
    void claimPositionsGiveEveryPartysCurrentPositionFromItsLatestResponse() {
        assertEquals(new TreeSet<>(List.of(
                "c1/b/addressed/denied/denies",
                "c1/c/respondent/confirmed/confirms",
                "c2/b/addressed/denied/counter_attributes",
                "c2/a/claimant/withdrawn/retracts",
                "c3/e/addressed/unresolved/declines_comment",
                "c4/b/addressed/confirmed/confirms",
                "c5/b/addressed/unresolved/null",
                "c5/a/claimant/withdrawn/retracts",
                "c6/b/addressed/denied/denies",
                "c7/e/addressed/unresolved/null",
                "c8/c/addressed/unresolved/null")), positions("reporting.claim_positions"));

        Map<String, Object> row = Sql.rows("select * from reporting.claim_positions where claim_id = ? and party_id = ?",
                s.c1, s.c).get(0);
        assertEquals(s.a, row.get("claimant_id"));
        assertEquals(s.b, row.get("addressed_party_id"));
        assertEquals(s.i1, row.get("incident_id"));
        assertEquals(Date.valueOf(D), row.get("claim_stated_on"));
        assertEquals(Date.valueOf(D.plusDays(2)), row.get("latest_stance_on"));
        assertEquals(s.o3, row.get("stance_outlet_id"));
        assertEquals(s.o3Name, row.get("stance_outlet_name"));
        assertEquals(s.o1, row.get("source_outlet_id"), "the earliest source is o1's article, not o2's copy");
    }

    /**
     * claim_positions reads the maintained party_position table; positions_as_of(null) derives the
     * same rows from the responses. Every row of the two must agree, column by column.
     */
    @Test
    void claimPositionsAreExactlyThePositionsDerivedOnTheFly() {
        String current = "select * from reporting.claim_positions where claim_id = any(?)";
        String derived = "select * from reporting.positions_as_of(null) where claim_id = any(?)";
        int rows = Sql.rows(current, (Object) s.claims()).size();
        assertTrue(rows > 5, rows + " rows");
        assertEquals(rows, Sql.rows(derived, (Object) s.claims()).size());
        assertEquals(List.of(), Sql.rows("(" + current + ") except all (" + derived + ")", s.claims(), s.claims()));
        assertEquals(List.of(), Sql.rows("(" + derived + ") except all (" + current + ")", s.claims(), s.claims()));
        Map<String, Object> summary = Sql.rows("select * from reporting.position_summary where party_id = ?", s.b).get(0);
        assertEquals(Sql.rows("select count(*) filter (where position = 'denied') as denied, count(*) as total"
                + " from reporting.positions_as_of(null) where party_id = ?", s.b).get(0),
                Map.of("denied", summary.get("denied"), "total", summary.get("total")));
    }

    @Test
    void positionsAsOfADateIgnoreLaterClaimsAndResponses() {
        assertEquals(new TreeSet<>(List.of(
                "c1/b/addressed/unresolved/assessing",
                "c1/c/respondent/confirmed/confirms",
                "c2/b/addressed/unresolved/null")),
                positions("reporting.positions_as_of(?)", D.plusDays(2)));
        assertEquals(new TreeSet<>(List.of(
                "c1/b/addressed/denied/denies",
                "c1/c/respondent/confirmed/confirms",
                "c2/b/addressed/denied/counter_attributes",
                "c3/e/addressed/unresolved/null")),
                positions("reporting.positions_as_of(?)", D.plusDays(4)));
        assertEquals(positions("reporting.claim_positions"), positions("reporting.positions_as_of(?)", (Object) null));
    }

    /** The views and the API derive positions the same way, now and as of any date. */
    @Test
    void theViewsAgreeWithTheApisPositions() {
        for (String asOf : new String[] {null, D.plusDays(2).toString(), D.plusDays(4).toString(),
                D.plusDays(41).toString()}) {
            for (long party : s.parties()) {
                Set<String> api = new TreeSet<>();
                var request = given().queryParam("size", 200);
                if (asOf != null) {
                    request.queryParam("asOf", asOf);
                }
                List<Map<String, Object>> items = request.get("/api/parties/" + party + "/claims").then().statusCode(200)
                        .extract().jsonPath().getList("items");
                items.forEach(i -> api.add(((Number) i.get("claimId")).longValue() + ":" + i.get("position")));
                Set<String> view = Sql.rows("select claim_id, position from reporting.positions_as_of(?) where party_id = ?",
                                asOf == null ? null : LocalDate.parse(asOf), party).stream()
                        .map(r -> r.get("claim_id") + ":" + r.get("position"))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(api, view, "party " + party + " as of " + asOf);
            }
        }
    }

    @Test
    void positionSummaryCountsEveryPartysPositionsOverallAndByMonth() {
        Set<String> overall = Sql.rows("select * from reporting.position_summary where party_id = any(?)",
                        (Object) s.parties()).stream()
                .map(r -> party(r.get("party_id")) + " " + r.get("denied") + r.get("confirmed")
                        + r.get("partially_confirmed") + r.get("unresolved") + r.get("withdrawn") + " " + r.get("total"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("a 00002 2", "b 31010 5", "c 01010 2", "e 00020 2")), overall);

        Set<String> monthly = Sql.rows("select * from reporting.position_summary_by_month where party_id = any(?)",
                        (Object) s.parties()).stream()
                .map(r -> party(r.get("party_id")) + " " + r.get("claim_month") + " " + r.get("denied")
                        + r.get("confirmed") + r.get("partially_confirmed") + r.get("unresolved") + r.get("withdrawn")
                        + " " + r.get("total"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of(
                "a 2019-05-01 00001 1", "a 2019-06-01 00001 1",
                "b 2019-05-01 20000 2", "b 2019-06-01 11010 3",
                "c 2019-05-01 01000 1", "c 2019-07-01 00010 1",
                "e 2019-05-01 00010 1", "e 2019-07-01 00010 1")), monthly);
    }

    @Test
    void unresolvedClaimsCarryTheirAgeAndWhetherTheClaimantWithdrewThem() {
        LocalDate today = ((Date) Sql.rows("select current_date as today").get(0).get("today")).toLocalDate();
        Set<String> rows = Sql.rows("select * from reporting.unresolved_claims where claim_id = any(?)", (Object) s.claims())
                .stream()
                .map(r -> {
                    LocalDate stated = ((Date) r.get("claim_stated_on")).toLocalDate();
                    assertEquals(ChronoUnit.DAYS.between(stated, today), ((Number) r.get("age_days")).longValue());
                    return claim(r.get("claim_id")) + "/" + party(r.get("addressed_party_id")) + "/"
                            + r.get("latest_stance") + "/" + r.get("claim_withdrawn");
                })
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("c3/e/declines_comment/false", "c5/b/null/true", "c7/e/null/false",
                "c8/c/null/false")), rows);
    }

    @Test
    void responseLatencyCountsDaysToEachPartysFirstResponseButNotTheClaimants() {
        Set<String> rows = Sql.rows("select * from reporting.response_latency where claim_id = any(?)", (Object) s.claims())
                .stream()
                .map(r -> claim(r.get("claim_id")) + "/" + party(r.get("party_id")) + "/" + r.get("first_stance")
                        + "/" + r.get("latency_days"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("c1/b/assessing/1", "c1/c/confirms/2", "c2/b/counter_attributes/3",
                "c3/e/declines_comment/2", "c4/b/assessing/1", "c6/b/denies/1")), rows);
    }

    @Test
    void contestedIncidentsAreThoseWithDifferentPartiesBlamedOrABlamedPartyDenying() {
        Map<Long, Map<String, Object>> incidents = Sql.rows(
                        "select * from reporting.contested_incidents where incident_id = any(?)",
                        (Object) new long[] {s.i1, s.i2, s.i3, s.i4}).stream()
                .collect(Collectors.toMap(r -> (Long) r.get("incident_id"), r -> r));
        assertEquals(Set.of(s.i1, s.i3, s.i4), incidents.keySet(), "i2 blames only b, who never denied");

        Map<String, Object> i1 = incidents.get(s.i1);
        assertEquals(3L, i1.get("claims"));
        assertEquals(2L, i1.get("blamed_parties"));
        assertEquals(1L, i1.get("denied_claims"));
        assertEquals(1L, i1.get("counter_attributed_claims"));
        assertEquals(true, i1.get("blames_differ"));
        assertEquals(true, i1.get("blamed_party_denies"));
        assertEquals(Date.valueOf(D), i1.get("first_claim_on"));
        assertEquals(Date.valueOf(D.plusDays(3)), i1.get("last_claim_on"));
        String blamed = (String) i1.get("blamed_party_names");
        assertTrue(blamed.matches("State B \\S+; State E \\S+"), blamed);

        Map<String, Object> i3 = incidents.get(s.i3);
        assertEquals(false, i3.get("blames_differ"));
        assertEquals(true, i3.get("blamed_party_denies"));
        Map<String, Object> i4 = incidents.get(s.i4);
        assertEquals(true, i4.get("blames_differ"));
        assertEquals(false, i4.get("blamed_party_denies"));
        assertEquals(0L, i4.get("denied_claims"));
    }

    /**
     * The event view, read as the reporting role: one row per claim about an incident, actor 1 the
     * claimant and actor 2 the accused with its current position, and sources counted as original
     * reports (c1's copy art2 of o1's story counts for o1, so c1 rests on one source).
     */
    @Test
    void eventsGiveOneRowPerClaimWithItsActorsPositionAndOriginalSources() throws java.sql.SQLException {
        Map<Object, String> incidents = Map.of(s.i1, "i1", s.i2, "i2", s.i3, "i3", s.i4, "i4");
        try (java.sql.Connection connection = Sql.asReportingRole()) {
            Set<String> rows = Sql.rows(connection, "select * from reporting.events where claim_id = any(?)", (Object) s.claims())
                    .stream()
                    .map(r -> claim(r.get("claim_id")) + "/" + incidents.get(r.get("event_id")) + "/"
                            + party(r.get("actor1_id")) + ">" + party(r.get("actor2_id")) + "/" + r.get("actor2_position")
                            + "/" + r.get("sources") + r.get("source_articles") + r.get("syndicated_copies"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(List.of(
                    "c1/i1/a>b/denied/121",
                    "c2/i1/a>b/denied/220",
                    "c3/i1/b>e/unresolved/110",
                    "c4/i2/a>b/confirmed/110",
                    "c5/i2/a>b/unresolved/110",
                    "c6/i3/a>b/denied/110",
                    "c7/i4/a>e/unresolved/110",
                    "c8/i4/a>c/unresolved/110")), rows);

            Map<String, Object> c1 = Sql.rows(connection, "select * from reporting.events where claim_id = ?", s.c1).get(0);
            Map<String, Object> incident = Sql.rows("select * from incident where id = ?", s.i1).get(0);
            assertEquals(incident.get("occurred_on"), c1.get("event_date"));
            assertEquals(incident.get("date_precision"), c1.get("date_precision"));
            assertEquals(incident.get("place"), c1.get("place"));
            assertEquals(incident.get("title"), c1.get("event_title"));
            assertEquals(Date.valueOf(D), c1.get("claim_stated_on"));
            assertEquals("attack_attribution", c1.get("claim_kind"));
            assertEquals("denies", c1.get("actor2_latest_stance"));
            assertEquals("government_body", c1.get("actor1_kind"));
            assertEquals("state", c1.get("actor2_kind"));
            assertEquals(Sql.rows("select independent_sources from reporting.claim_sources where claim_id = ?", s.c2).get(0)
                    .get("independent_sources"), Sql.rows(connection, "select sources from reporting.events where claim_id = ?",
                    s.c2).get(0).get("sources"), "the event view counts sources as claim_sources does");
        }
    }

    @Test
    void sourcesPerClaimCountSyndicatedCopiesOfOneStoryOnce() {
        Set<String> rows = Sql.rows("select * from reporting.claim_sources where claim_id = any(?)", (Object) s.claims())
                .stream()
                .map(r -> claim(r.get("claim_id")) + " " + r.get("source_articles") + r.get("syndicated_copies")
                        + r.get("source_outlets") + r.get("independent_sources") + " " + r.get("single_source"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("c1 2121 true", "c2 2022 false", "c3 1011 true", "c4 1011 true",
                "c5 1011 true", "c6 1011 true", "c7 1011 true", "c8 1011 true")), rows);
        assertEquals(s.o1Name, Sql.rows("select independent_source_names from reporting.claim_sources where claim_id = ?",
                s.c1).get(0).get("independent_source_names"));

        Map<String, Object> copy = Sql.rows("select * from reporting.claim_source_articles where claim_id = ? and article_id = ?",
                s.c1, s.art2).get(0);
        assertEquals(s.o2, copy.get("outlet_id"));
        assertEquals(s.o1, copy.get("republished_from_outlet_id"));
        assertEquals(s.o1, copy.get("origin_outlet_id"));
    }

    @Test
    void claimsPerOutletSeparateCopiesOriginsAndSoleSources() {
        Map<Long, String> outlets = Map.of(s.o1, "o1", s.o2, "o2", s.o3, "o3");
        Set<String> rows = Sql.rows("select * from reporting.outlet_claims where outlet_id = any(?)",
                        (Object) new long[] {s.o1, s.o2, s.o3}).stream()
                .map(r -> outlets.get(r.get("outlet_id")) + " cited " + r.get("cited_articles") + " claims "
                        + r.get("claims") + " copies " + r.get("claims_in_copies") + " originated "
                        + r.get("originated_claims") + " sole " + r.get("sole_source_claims") + " responses "
                        + r.get("responses"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of(
                "o1 cited 1 claims 7 copies 0 originated 7 sole 6 responses 9",
                "o2 cited 1 claims 1 copies 1 originated 0 sole 0 responses 0",
                "o3 cited 1 claims 2 copies 0 originated 2 sole 1 responses 1")), rows);
    }

    @Test
    void theBaseViewsNameThePartiesRolesAndSources() {
        Map<String, Object> claim = Sql.rows("select * from reporting.claims where claim_id = ?", s.c3).get(0);
        assertEquals(s.b, claim.get("claimant_id"));
        assertEquals(s.e, claim.get("addressed_party_id"));
        assertEquals(s.o3, claim.get("source_outlet_id"));
        Set<String> roles = Sql.rows("select party_id, party_role, stance, counter_claim_id from reporting.responses"
                        + " where claim_id = ?", s.c2).stream()
                .map(r -> party(r.get("party_id")) + "/" + r.get("party_role") + "/" + r.get("stance") + "/"
                        + claim(r.get("counter_claim_id")))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("a/claimant/retracts/null", "b/addressed/counter_attributes/c3")), roles);
        assertEquals("government_body", Sql.rows("select party_kind from reporting.parties where party_id = ?", s.a)
                .get(0).get("party_kind"));
    }
}
