package org.claimtracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * reporting.party_claim_positions(party, scope, as_of), as report writers run it: logged in as the
 * reporting role, on the seed data, looked up by names and refs.
 */
@QuarkusTest
class ScopedPositionsReportTest {

    private static final String US = "(select party_id from reporting.parties where party_name = 'United States')";
    private static final String BELGIUM = "(select party_id from reporting.parties where party_name = 'Belgium')";
    private static final String COALITION = "(select party_id from reporting.parties where party_name = 'US-led coalition')";

    private static Map<String, Object> row(List<Map<String, Object>> rows, String ref) {
        return rows.stream().filter(r -> ref.equals(r.get("claim_ref"))).findFirst().orElse(null);
    }

    @Test
    void theReportingRoleRollsPositionsUpTheHierarchy() throws Exception {
        try (Connection connection = Sql.asReportingRole()) {
            List<Map<String, Object>> us = Sql.rows(connection,
                    "select * from reporting.party_claim_positions(" + US + ", 'parts')");
            Map<String, Object> alBab = row(us, "ru-mod-us-coordinates-al-bab");
            assertEquals("denied", alBab.get("position"));
            assertEquals("US Department of Defense", alBab.get("respondent_name"));
            assertEquals("denies", alBab.get("deciding_stance"));

            Map<String, Object> hasajek = row(Sql.rows(connection,
                    "select * from reporting.party_claim_positions(" + BELGIUM + ", 'parts')"), "ru-mod-belgian-f16-hasajek");
            assertEquals("denied", hasajek.get("position"));

            List<Map<String, Object>> coalition = Sql.rows(connection,
                    "select * from reporting.party_claim_positions(" + COALITION + ", 'members')");
            assertEquals("denied", row(coalition, "ru-mod-belgian-f16-hasajek").get("position"));
            assertTrue(String.valueOf(row(coalition, "ru-mod-belgian-f16-hasajek").get("respondent_name")).contains("Belgi"));
            // Before the raid's claim was stated, nothing.
            assertEquals(null, row(Sql.rows(connection, "select * from reporting.party_claim_positions(" + COALITION
                    + ", 'members', date '2016-10-01')"), "ru-mod-belgian-f16-hasajek"));

            // Scope self is claim_positions for the party.
            Set<String> self = new HashSet<>();
            for (Map<String, Object> r : Sql.rows(connection,
                    "select claim_id, position from reporting.party_claim_positions(" + US + ")")) {
                self.add(r.get("claim_id") + " " + r.get("position"));
            }
            Set<String> view = new HashSet<>();
            for (Map<String, Object> r : Sql.rows(connection,
                    "select claim_id, position from reporting.claim_positions where party_id = " + US)) {
                view.add(r.get("claim_id") + " " + r.get("position"));
            }
            assertEquals(view, self);

            assertEquals("22023", TestDatabase.stateOf(connection,
                    "select * from reporting.party_claim_positions(" + US + ", 'everyone')"));
        }
    }

    @Test
    void todaysAnswersReadFromTheKeptTablesEqualTheComputedOnes() throws Exception {
        // Without a date or commentary the function reads party_position / party_scope_position;
        // with either it computes (tracker_scoped_positions). Both must give the same rows, in order.
        String computed = "select t.claim_id, t.position, t.response_id, t.respondent_id, t.stance, t.response_on"
                + " from tracker_scoped_positions(?, ?, null, false) t order by t.sort_on desc, t.claim_id desc";
        String reported = "select claim_id, position, deciding_response_id as response_id, respondent_id,"
                + " deciding_stance as stance, deciding_stated_on as response_on"
                + " from reporting.party_claim_positions(?, ?)";
        List<Map<String, Object>> parties = Sql.rows("select p.id from party p where exists (select 1 from party c"
                + " where c.parent_id = p.id) or exists (select 1 from party_membership m where m.group_id = p.id)"
                + " or exists (select 1 from party_position pp where pp.party_id = p.id) order by p.id limit 80");
        assertTrue(parties.size() >= 10, "parties with positions, parts or members in the seeds: " + parties.size());
        int rolled = 0;
        try (Connection connection = Sql.asReportingRole()) {
            for (Map<String, Object> party : parties) {
                long id = ((Number) party.get("id")).longValue();
                for (String scope : List.of("self", "parts", "members")) {
                    List<Map<String, Object>> expected = Sql.rows(computed, id, scope);
                    assertEquals(expected, Sql.rows(connection, reported, id, scope), "party " + id + ", scope " + scope);
                    if (!scope.equals("self") && !expected.isEmpty()
                            && Boolean.TRUE.equals(Sql.rows("select tracker_scope_is_rolled(?, ?) as r", id, scope).get(0).get("r"))) {
                        rolled++;
                    }
                }
            }
        }
        assertTrue(rolled >= 3, "rolled scopes with positions compared: " + rolled);
    }

    @Test
    void theFunctionIsDocumentedAndExecutableByTheReportingRole() throws Exception {
        assertTrue(Files.readString(Path.of("db/reports/README.md")).contains("reporting.party_claim_positions("));
        List<Map<String, Object>> grants = Sql.rows("select has_function_privilege('claims_reporting',"
                + " 'reporting.party_claim_positions(bigint, text, date, boolean)', 'execute') as reporting,"
                + " has_function_privilege('public', 'reporting.party_claim_positions(bigint, text, date, boolean)',"
                + " 'execute') as anyone");
        assertEquals(Boolean.TRUE, grants.get(0).get("reporting"));
        assertEquals(Boolean.FALSE, grants.get(0).get("anyone"));
    }
}
