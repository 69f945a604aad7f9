package org.claimtracker.position;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * party_position (V5) is maintained by triggers and must always equal the positions computed on
 * the fly (PositionService.POSITIONED with no date limit): after every write of a random but seeded
 * sequence through the API, after bulk statements in SQL, and when two transactions race on one
 * claim; and party_position_count must count its rows. Each test makes its own parties, so none depends on another's rows or on the seed data.
 */
@QuarkusTest
class PartyPositionMaintenanceTest {

    @Inject
    PositionService positions;

    private static final LocalDate D = LocalDate.of(2019, 5, 1);
    private static final String CLAIM_QUOTE = "jets struck the market";
    private static final String RESPONSE_QUOTE = "The ministry answered.";
    private static final String TEXT = "Witnesses say jets struck the market at noon. The ministry answered.";
    private static final String[] STANCES = {"asserts", "confirms", "partially_confirms", "acknowledges", "assessing",
        "denies", "counter_attributes", "declines_comment", "retracts"};

    /** A claim as the test last wrote it. */
    private static final class ClaimState {
        long claimant;
        Long addressed;
        LocalDate statedOn;
        boolean commentary;
    }

    /** A response as the test last wrote it. */
    private record ResponseState(long claim, long party, String stance, LocalDate statedOn) {
    }

    /** An article holding the quotes, and the parties of a quarrel named after a test: a government body that accuses a state. */
    private record Sides(long article, long accuser, long accused) {

        static Sides of(String name) {
            return new Sides(Fixtures.article(TEXT, D.plusDays(120)), Fixtures.party(name + " accuser", "government_body"),
                    Fixtures.state(name + " accused"));
        }

        List<Long> parties() {
            return List.of(accuser, accused);
        }

        /** A claim of the accuser against the accused, quoting the article. */
        long claim(LocalDate statedOn) {
            return Fixtures.claim(accuser, accused, article, CLAIM_QUOTE, statedOn);
        }
    }

    @Test
    void aRandomSequenceOfWritesKeepsTheTableEqualToTheOnTheFlyPositions() throws SQLException {
        Random random = new Random(20_240_611L);
        long article = Fixtures.article(TEXT, D.plusDays(120));
        List<Long> parties = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            parties.add(Fixtures.state("Random state " + i));
        }
        parties.add(Fixtures.party("Random monitor", "monitor_ngo"));
        Map<Long, ClaimState> claims = new LinkedHashMap<>();
        Map<Long, ResponseState> responses = new LinkedHashMap<>();

        for (int step = 0; step < 150; step++) {
            int op = random.nextInt(100);
            String what;
            if (claims.size() < 3 || op < 18) {
                ClaimState claim = new ClaimState();
                claim.claimant = pick(random, parties);
                claim.addressed = random.nextInt(5) == 0 ? null : pickOther(random, parties, claim.claimant);
                claim.statedOn = D.plusDays(random.nextInt(6));
                long id = Fixtures.created("/api/claims", claimBody(claim, article));
                claims.put(id, claim);
                what = "create claim " + id + " against " + claim.addressed;
            } else if (op < 55) {
                long claimId = pick(random, new ArrayList<>(claims.keySet()));
                ClaimState claim = claims.get(claimId);
                long party = respondent(random, claim, parties);
                String stance = STANCES[random.nextInt(STANCES.length)];
                // Few distinct dates: a party often answers twice on one day (ties go by id).
                LocalDate on = claim.statedOn.plusDays(random.nextInt(3));
                long id = Fixtures.response(claimId, party, stance, on, article, RESPONSE_QUOTE);
                responses.put(id, new ResponseState(claimId, party, stance, on));
                what = "response " + id + ": " + party + " " + stance + " " + claimId + " on " + on;
            } else if (op < 68 && !responses.isEmpty()) {
                long id = pick(random, new ArrayList<>(responses.keySet()));
                ResponseState old = responses.get(id);
                ResponseState changed = switch (random.nextInt(4)) {
                    case 0 -> new ResponseState(old.claim(), old.party(), STANCES[random.nextInt(STANCES.length)],
                            old.statedOn());
                    case 1 -> new ResponseState(old.claim(), old.party(), old.stance(),
                            claims.get(old.claim()).statedOn.plusDays(random.nextInt(4)));
                    case 2 -> new ResponseState(old.claim(), respondent(random, claims.get(old.claim()), parties),
                            old.stance(), old.statedOn());
                    default -> {
                        // Moved to another claim (one stated no later than the response).
                        List<Long> earlier = claims.entrySet().stream()
                                .filter(e -> !e.getValue().statedOn.isAfter(old.statedOn()))
                                .map(Map.Entry::getKey).toList();
                        yield new ResponseState(pick(random, earlier), old.party(), old.stance(), old.statedOn());
                    }
                };
                Fixtures.put("/api/responses/" + id, Fixtures.responseBody(changed.claim(), changed.party(),
                        changed.stance(), changed.statedOn(), article, RESPONSE_QUOTE)).statusCode(200);
                responses.put(id, changed);
                what = "update response " + id + ": " + old + " -> " + changed;
            } else if (op < 78 && !responses.isEmpty()) {
                long id = pick(random, new ArrayList<>(responses.keySet()));
                Fixtures.delete("/api/responses/" + id).statusCode(204);
                responses.remove(id);
                what = "delete response " + id;
            } else if (op < 93) {
                long claimId = pick(random, new ArrayList<>(claims.keySet()));
                ClaimState claim = claims.get(claimId);
                String change;
                switch (random.nextInt(3)) {
                    case 0 -> {
                        claim.addressed = random.nextInt(4) == 0 ? null : pickOther(random, parties, claim.claimant);
                        change = "addressed " + claim.addressed;
                    }
                    case 1 -> {
                        claim.claimant = pick(random, parties);
                        change = "claimant " + claim.claimant;
                    }
                    default -> {
                        LocalDate earliest = responses.values().stream().filter(r -> r.claim() == claimId)
                                .map(ResponseState::statedOn).min(Comparator.naturalOrder()).orElse(D.plusDays(8));
                        claim.statedOn = earliest.minusDays(random.nextInt(3));
                        change = "stated on " + claim.statedOn;
                    }
                }
                // Every third update also turns a claim into commentary or back (no random draw, so
                // the sequence stays the one the seed gives).
                if (step % 3 == 0) {
                    claim.commentary = !claim.commentary;
                    change += claim.commentary ? ", made commentary" : ", made a claim again";
                }
                Fixtures.put("/api/claims/" + claimId, claimBody(claim, article)).statusCode(200);
                what = "update claim " + claimId + ": " + change;
            } else {
                long claimId = pick(random, new ArrayList<>(claims.keySet()));
                List<Long> answers = responses.entrySet().stream().filter(e -> e.getValue().claim() == claimId)
                        .map(Map.Entry::getKey).toList();
                for (long id : answers) {
                    Fixtures.delete("/api/responses/" + id).statusCode(204);
                    responses.remove(id);
                    assertTableMatches(parties, "delete response " + id + " before its claim");
                }
                Fixtures.delete("/api/claims/" + claimId).statusCode(204);
                claims.remove(claimId);
                what = "delete claim " + claimId;
            }
            assertTableMatches(parties, "step " + step + " (" + what + ")");
            if (step % 30 == 29) {
                assertApiAnswersAsComputedOnTheFly(parties);
            }
        }
        assertTrue(rowsOf(parties) > 20, "the sequence left positions to compare: " + rowsOf(parties));
        assertApiAnswersAsComputedOnTheFly(parties);
    }

    @Test
    void bulkStatementsMaintainTheTableInOneStatementEach() throws SQLException {
        Sides sides = Sides.of("Bulk");
        long other = Fixtures.state("Bulk other");
        long monitor = Fixtures.party("Bulk monitor", "monitor_ngo");
        List<Long> parties = List.of(sides.accuser(), sides.accused(), other, monitor);
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement()) {
            // One claim first: the session keeps the small write's plan before the large statements.
            assertEquals(1, sql.executeUpdate("""
                    insert into claim (claimant_id, addressed_party_id, proposition, kind, stated_on, created_by, updated_by)
                    values (%d, %d, 'Bulk position claim 0', 'other', date '%s', 'bulk-test', 'bulk-test')
                    """.formatted(sides.accuser(), sides.accused(), D)));
            assertTableMatches(parties, "one claim inserted");
            // 400 claims in one statement, one in eight accusing nobody.
            assertEquals(400, sql.executeUpdate("""
                    insert into claim (claimant_id, addressed_party_id, proposition, kind, stated_on, created_by, updated_by)
                    select %d, case when g %% 8 = 0 then null when g %% 3 = 0 then %d else %d end,
                           'Bulk position claim ' || g, 'other', date '%s' + (g %% 5), 'bulk-test', 'bulk-test'
                      from generate_series(1, 400) g
                    """.formatted(sides.accuser(), other, sides.accused(), D)));
            assertTableMatches(parties, "claims inserted in bulk");

            // 6,000 responses in one statement (more than the row-lock batch: the table lock path),
            // with many same-day answers of one party to one claim.
            assertEquals(6000, sql.executeUpdate(bulkResponses(parties, sides.article(), 6000, 1)));
            assertTableMatches(parties, "6,000 responses inserted in one statement");

            // A smaller batch (the row-lock path).
            assertEquals(700, sql.executeUpdate(bulkResponses(parties, sides.article(), 700, 7)));
            assertTableMatches(parties, "700 more responses inserted in one statement");

            // A few rows after the large statements, on the same connection: V23 runs a small write
            // with the plan the session keeps, a large one with a plan made for its size.
            assertEquals(3, sql.executeUpdate(bulkResponses(parties, sides.article(), 3, 11)));
            assertTableMatches(parties, "3 responses inserted in one statement after the large ones");

            // Rows are chosen by a hash of their id: ids made by SQL step by 50 (the sequences' increment).
            changes(sql, """
                    update response set stance = case when hashint8(id) %% 3 = 0 then 'confirms' else 'retracts' end,
                                        stated_on = stated_on + (hashint8(id) %% 2 <> 0)::int
                     where created_by = 'bulk-test' and party_id in (%d, %d) and hashint8(id) %% 4 = 0
                    """.formatted(sides.accuser(), sides.accused()));
            assertTableMatches(parties, "responses changed in bulk");

            changes(sql, "update response set party_id = %d where created_by = 'bulk-test' and party_id = %d and hashint8(id) %% 5 = 0"
                    .formatted(monitor, other));
            assertTableMatches(parties, "responses moved to another party in bulk");

            changes(sql, """
                    update response r set claim_id = (select min(c.id) from claim c
                                                        where c.created_by = 'bulk-test' and c.stated_on <= r.stated_on)
                     where r.created_by = 'bulk-test' and hashint8(r.id) % 9 = 0
                    """);
            assertTableMatches(parties, "responses moved to another claim in bulk");

            changes(sql, "delete from response where created_by = 'bulk-test' and hashint8(id) % 3 = 1");
            assertTableMatches(parties, "responses deleted in bulk");

            changes(sql, """
                    update claim set addressed_party_id = case when addressed_party_id = %d then %d else %d end,
                                     stated_on = stated_on - 1
                     where created_by = 'bulk-test' and hashint8(id) %% 2 = 0
                    """.formatted(sides.accused(), other, sides.accused()));
            assertTableMatches(parties, "claims readdressed and redated in bulk");

            changes(sql, "update claim set stated_on = stated_on - 2 where created_by = 'bulk-test' and hashint8(id) % 3 = 0");
            assertTableMatches(parties, "claims redated in bulk");

            changes(sql, "update claim set claimant_id = %d where created_by = 'bulk-test' and hashint8(id) %% 7 = 0"
                    .formatted(monitor));
            assertTableMatches(parties, "claims given another claimant in bulk");

            changes(sql, "update claim set kind = 'commentary' where created_by = 'bulk-test' and hashint8(id) % 4 = 1");
            assertTableMatches(parties, "claims made commentary in bulk");
            assertApiAnswersAsComputedOnTheFly(parties);

            changes(sql, "update claim set kind = 'other' where created_by = 'bulk-test' and kind = 'commentary'"
                    + " and hashint8(id) % 3 = 0");
            assertTableMatches(parties, "commentary made claims again in bulk");

            changes(sql, "delete from response where created_by = 'bulk-test' and claim_id in"
                    + " (select id from claim where created_by = 'bulk-test' and hashint8(id) % 10 = 0)");
            changes(sql, "delete from claim where created_by = 'bulk-test' and hashint8(id) % 10 = 0");
            assertTableMatches(parties, "claims deleted in bulk");
        }
        assertTrue(rowsOf(parties) > 300, "the bulk statements left positions to compare");
        assertApiAnswersAsComputedOnTheFly(parties);
    }

    /**
     * Two transactions answer one claim at once. The one that commits second must not write a result
     * computed without the first one's response: its trigger waits for the first to commit and then
     * sees it.
     */
    @Test
    void concurrentAnswersToOneClaimBothCount() throws Exception {
        Sides sides = Sides.of("Race");
        long claim = sides.claim(D);
        String insert = """
                insert into response (claim_id, party_id, stance, stated_on, article_id, quote, quote_start, quote_end,
                                      created_by, updated_by)
                select %d, %d, '%s', date '%s', a.id, '%s', strpos(a.body, '%s') - 1,
                       strpos(a.body, '%s') - 1 + char_length('%s'), 'race-test', 'race-test'
                  from article a where a.id = %d
                """;
        try (Connection first = TestDatabase.connect(); Connection second = TestDatabase.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            long secondPid = pid(second);
            // The later denial, first.
            try (Statement sql = first.createStatement()) {
                sql.executeUpdate(insert.formatted(claim, sides.accused(), "denies", D.plusDays(5), RESPONSE_QUOTE,
                        RESPONSE_QUOTE, RESPONSE_QUOTE, RESPONSE_QUOTE, sides.article()));
            }
            // An earlier "assessing", in a second transaction that does not see the denial yet.
            CompletableFuture<Void> racing = CompletableFuture.runAsync(() -> {
                try (Statement sql = second.createStatement()) {
                    sql.executeUpdate(insert.formatted(claim, sides.accused(), "assessing", D.plusDays(2), RESPONSE_QUOTE,
                            RESPONSE_QUOTE, RESPONSE_QUOTE, RESPONSE_QUOTE, sides.article()));
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitLockWait(secondPid);
            first.commit();
            racing.get(30, TimeUnit.SECONDS);
        }
        assertTableMatches(sides.parties(), "two racing responses");
        given().get("/api/parties/" + sides.accused() + "/claims").then().statusCode(200)
                .body("items[0].position", is("denied"))
                .body("items[0].latestResponse.stance", is("denies"));
    }

    /** Truncating the responses rebuilds the tables: every addressed party is left unresolved (commentary aside). */
    @Test
    void truncatingTheResponsesRebuildsTheTables() throws SQLException {
        Sides sides = Sides.of("Truncate");
        long claim = sides.claim(D);
        Fixtures.response(claim, sides.accused(), "denies", D.plusDays(1), sides.article(), RESPONSE_QUOTE);
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                sql.execute("truncate response");
                assertEquals(TestDatabase.rows(connection, """
                        select c.id, c.addressed_party_id, 'unresolved', null, c.stated_on from claim c
                         where c.addressed_party_id is not null and c.kind <> 'commentary' order by 1, 2
                        """), TestDatabase.rows(connection, """
                        select claim_id, party_id, position, latest_response_id, sort_on from party_position order by 1, 2
                        """));
                assertEquals(TestDatabase.rows(connection, """
                        select addressed_party_id, count(*) from claim
                         where addressed_party_id is not null and kind <> 'commentary'
                         group by 1 order by 1
                        """), TestDatabase.rows(connection, "select party_id, n from party_position_count where n <> 0 order by 1"));
                assertTableMatches(connection, sides.parties(), "responses truncated");
            } finally {
                connection.rollback();
            }
        }
        assertTableMatches(sides.parties(), "truncation rolled back");
    }

    /**
     * The dashboard's lists (unresolved claims, busiest parties), now read from the tables, equal
     * what the queries they replaced compute on the fly, over everything in the test database:
     * without commentary (the default) and with it.
     */
    @Test
    void theDashboardListsEqualTheOnTheFlyAnswer() throws SQLException {
        Sides sides = Sides.of("Dashboard");
        for (int i = 0; i < 12; i++) {
            Map<String, Object> body = Fixtures.claimBody(sides.accuser(), sides.accused(), sides.article(), CLAIM_QUOTE,
                    D.minusDays(i));
            if (i % 4 == 2) {
                body.put("kind", "commentary");
            }
            long claim = Fixtures.created("/api/claims", body);
            if (i % 3 == 1) {
                Fixtures.response(claim, sides.accused(), i % 2 == 0 ? "assessing" : "denies", D.plusDays(1), sides.article(),
                        RESPONSE_QUOTE);
            }
        }
        for (boolean commentary : new boolean[] {false, true}) {
            assertDashboardListsAsComputedOnTheFly(commentary);
        }
    }

    private void assertDashboardListsAsComputedOnTheFly(boolean commentary) throws SQLException {
        String claims = commentary ? "true" : "c.kind <> 'commentary'";
        List<String> expectedUnresolved;
        List<String> expectedBusiest;
        long expectedTotal;
        try (Connection connection = TestDatabase.connect()) {
            String unresolved = """
                    from claim c
                    left join lateral (
                      select r.stance from response r
                       where r.claim_id = c.id and r.party_id = c.addressed_party_id
                       order by r.stated_on desc, r.id desc limit 1) l on true
                    where c.addressed_party_id is not null and %s
                      and tracker_position(l.stance, c.claimant_id = c.addressed_party_id, true) = 'unresolved'
                    """.formatted(claims);
            expectedTotal = Long.parseLong(TestDatabase.rows(connection, "select count(*) " + unresolved).get(0));
            expectedUnresolved = TestDatabase.rows(connection, "select c.id, c.stated_on, c.claimant_id, c.addressed_party_id, l.stance "
                    + unresolved + " order by c.stated_on, c.id limit 200");
            expectedBusiest = TestDatabase.rows(connection, """
                    with pairs as (
                      select c.id as claim_id, c.addressed_party_id as party_id from claim c where c.addressed_party_id is not null
                      union
                      select r.claim_id, r.party_id from response r
                    ), latest as (
                      select distinct on (r.claim_id, r.party_id) r.claim_id, r.party_id, r.stance
                        from response r order by r.claim_id, r.party_id, r.stated_on desc, r.id desc
                    ), positioned as (
                      select k.party_id,
                             tracker_position(l.stance, c.claimant_id = k.party_id,
                                              c.addressed_party_id is not distinct from k.party_id) as position
                        from pairs k
                        join claim c on c.id = k.claim_id
                        left join latest l on l.claim_id = k.claim_id and l.party_id = k.party_id
                       where %s
                    )
                    select party_id, position, count(*) from positioned where position is not null
                     group by party_id, position order by party_id, position
                    """.formatted(claims));
        }
        String which = commentary ? "with commentary" : "without commentary";
        Page<UnresolvedClaim> page = positions.unresolved(commentary, new PageParams(0, 200));
        assertEquals(expectedTotal, page.total(), which);
        assertEquals(expectedUnresolved, page.items().stream().map(u -> u.claimId() + "|" + u.statedOn() + "|"
                + u.claimant().id() + "|" + u.addressedParty().id() + "|" + u.latestStance()).toList(), which);
        // The busiest parties are a top 15 of all of them: check each one's counts and that no party
        // left out holds more positions than the last one in.
        List<PartyCounts> busiest = positions.busiestParties(commentary, 15);
        Map<Long, Long> totals = new HashMap<>();
        Map<String, Long> byPartyAndPosition = new HashMap<>();
        for (String row : expectedBusiest) {
            String[] fields = row.split("\\|");
            long n = Long.parseLong(fields[2]);
            totals.merge(Long.parseLong(fields[0]), n, Long::sum);
            byPartyAndPosition.put(fields[0] + "|" + fields[1], n);
        }
        assertEquals(Math.min(15, totals.size()), busiest.size(), which);
        for (PartyCounts counts : busiest) {
            assertEquals(totals.get(counts.party().id()), counts.total(), which + ": total of " + counts.party());
            for (Map.Entry<Position, Long> entry : counts.counts().entrySet()) {
                assertEquals(byPartyAndPosition.get(counts.party().id() + "|" + entry.getKey()), entry.getValue(),
                        which + ": " + entry.getKey() + " of " + counts.party());
            }
        }
        long smallestIn = busiest.get(busiest.size() - 1).total();
        assertTrue(totals.entrySet().stream().filter(e -> busiest.stream().noneMatch(b -> b.party().id() == e.getKey()))
                .allMatch(e -> e.getValue() <= smallestIn), which + ": a busier party was left out");
    }

    // ---------------------------------------------------------------------------------------------

    private static String bulkResponses(List<Long> parties, long article, int count, int salt) {
        // Claim and party by g: the claim's addressed party, its claimant, or one of the others;
        // stances cycle; three possible dates per claim.
        return """
                insert into response (claim_id, party_id, stance, stated_on, article_id, quote, quote_start, quote_end,
                                      created_by, updated_by)
                select c.id,
                       case (g * %d) %% 4 when 0 then coalesce(c.addressed_party_id, c.claimant_id)
                                          when 1 then c.claimant_id
                                          when 2 then %d else %d end,
                       (array['asserts', 'confirms', 'partially_confirms', 'acknowledges', 'assessing', 'denies',
                              'counter_attributes', 'declines_comment', 'retracts'])[1 + (g * %d) %% 9],
                       c.stated_on + ((g * %d) %% 3), a.id, '%s', strpos(a.body, '%s') - 1,
                       strpos(a.body, '%s') - 1 + char_length('%s'), 'bulk-test', 'bulk-test'
                  from (select array_agg(id order by id) as ids from claim where created_by = 'bulk-test') bulk
                 cross join generate_series(1, %d) g
                  join claim c on c.id = bulk.ids[1 + (g * 7919 + %d) %% cardinality(bulk.ids)]
                  join article a on a.id = %d
                """.formatted(salt, parties.get(2), parties.get(3), salt + 4, salt + 1, RESPONSE_QUOTE, RESPONSE_QUOTE,
                RESPONSE_QUOTE, RESPONSE_QUOTE, count, salt, article);
    }

    /** Runs a bulk statement that must change some rows (else the test would prove nothing). */
    private static void changes(Statement sql, String statement) throws SQLException {
        assertTrue(sql.executeUpdate(statement) > 0, "no row changed by: " + statement);
    }

    private static Map<String, Object> claimBody(ClaimState claim, long article) {
        Map<String, Object> body = Fixtures.claimBody(claim.claimant, claim.addressed, article, CLAIM_QUOTE, claim.statedOn);
        if (claim.commentary) {
            body.put("kind", "commentary");
        }
        return body;
    }

    private static long pick(Random random, List<Long> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static Long pickOther(Random random, List<Long> from, long not) {
        List<Long> others = from.stream().filter(p -> p != not).toList();
        return pick(random, others);
    }

    /** Mostly the addressed party, sometimes the claimant (which may retract), else anyone. */
    private static long respondent(Random random, ClaimState claim, List<Long> parties) {
        int who = random.nextInt(10);
        if (who < 5 && claim.addressed != null) {
            return claim.addressed;
        }
        if (who < 7) {
            return claim.claimant;
        }
        return pick(random, parties);
    }

    /** The table's rows of each party equal the on-the-fly positions, field by field and in order. */
    private static void assertTableMatches(List<Long> parties, String after) throws SQLException {
        try (Connection connection = TestDatabase.connect()) {
            assertTableMatches(connection, parties, after);
        }
    }

    private static void assertTableMatches(Connection connection, List<Long> parties, String after) throws SQLException {
        for (long party : parties) {
            assertEquals(expected(connection, party), actual(connection, party), after + ": party " + party);
        }
        assertEquals(0L, count(connection, parties, """
                select count(*) from party_position pp join claim c on c.id = pp.claim_id
                 where pp.party_id = any (?)
                   and (pp.is_claimant <> (c.claimant_id = pp.party_id)
                        or pp.is_addressed <> (c.addressed_party_id is not distinct from pp.party_id))
                """), after + ": role flags");
        assertEquals(0L, count(connection, parties, """
                select count(*)
                  from (select party_id, position, count(*) as n from party_position
                         where party_id = any (?) group by party_id, position) actual
                  full join (select party_id, position, n from party_position_count
                              where party_id = any (?) and n <> 0) counted
                    on counted.party_id = actual.party_id and counted.position = actual.position
                 where actual.n is distinct from counted.n
                """), after + ": party_position_count");
        assertEquals(List.of(), TestDatabase.rows(connection, "select party_id, position, n from party_position_count where n < 0"),
                after + ": negative counts");
        // The months (V15) against a plain recount: the first day of the month of sort_on.
        assertEquals(0L, count(connection, parties, """
                select count(*)
                  from (select party_id, make_date(extract(year from sort_on)::int, extract(month from sort_on)::int, 1) as month,
                               position, count(*) as n
                          from party_position where party_id = any (?) group by 1, 2, 3) actual
                  full join (select party_id, month, position, n from party_position_month
                              where party_id = any (?) and n <> 0) counted
                    on counted.party_id = actual.party_id and counted.month = actual.month
                   and counted.position = actual.position
                 where actual.n is distinct from counted.n
                """), after + ": party_position_month");
        assertEquals(List.of(), TestDatabase.rows(connection, "select party_id, month, position, n from party_position_month where n < 0"),
                after + ": negative month counts");
    }

    /** PositionService's POSITIONED query with no date limit: the reference. */
    private static List<String> expected(Connection connection, long party) throws SQLException {
        String positioned = PositionService.POSITIONED.replace(":party", Long.toString(party))
                .replace(":asOf", "date '9999-12-31'").replace(":commentary", "false");
        return TestDatabase.rows(connection, positioned + """
                select x.id, x.position, x.response_id, x.stance, x.response_on, coalesce(x.response_on, x.stated_on)
                  from positioned x
                 where x.position is not null
                 order by coalesce(x.response_on, x.stated_on) desc, x.id desc
                """);
    }

    private static List<String> actual(Connection connection, long party) throws SQLException {
        return TestDatabase.rows(connection, """
                select pp.claim_id, pp.position, pp.latest_response_id, pp.latest_stance, pp.latest_stated_on, pp.sort_on
                  from party_position pp
                 where pp.party_id = %d
                 order by pp.sort_on desc, pp.claim_id desc
                """.formatted(party));
    }


    /** The parties' positions: in party_position, and those commentary would give. */
    private static long rowsOf(List<Long> parties) throws SQLException {
        try (Connection connection = TestDatabase.connect();
                PreparedStatement count = connection.prepareStatement("""
                        select (select count(*) from party_position where party_id = any (?))
                             + (select count(*) from party_commentary_position where party_id = any (?))
                        """)) {
            count.setArray(1, connection.createArrayOf("bigint", parties.toArray()));
            count.setArray(2, connection.createArrayOf("bigint", parties.toArray()));
            return single(count);
        }
    }

    /** The count a check query answers, with the parties bound to each of its parameters. */
    private static long count(Connection connection, List<Long> parties, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            java.sql.Array ids = connection.createArrayOf("bigint", parties.toArray());
            long parameters = sql.chars().filter(c -> c == '?').count();
            for (int i = 1; i <= parameters; i++) {
                query.setArray(i, ids);
            }
            return single(query);
        }
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Waits until the backend is blocked on a lock (the second transaction's trigger). */
    private static void awaitLockWait(long pid) throws Exception {
        try (Connection watcher = TestDatabase.connect();
                PreparedStatement waiting = watcher.prepareStatement(
                        "select count(*) from pg_stat_activity where pid = ? and wait_event_type = 'Lock'")) {
            waiting.setLong(1, pid);
            for (int i = 0; i < 300; i++) {
                if (single(waiting) == 1) {
                    return;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the second transaction never waited for the first");
    }

    /**
     * The API's current answer (from the table) equals its answer as of the end of time (computed on
     * the fly): every page of every status, and the summary, without commentary and with it.
     */
    private static void assertApiAnswersAsComputedOnTheFly(List<Long> parties) {
        assertApiAnswersAsComputedOnTheFly(parties, "");
        assertApiAnswersAsComputedOnTheFly(parties, "&commentary=true");
    }

    private static void assertApiAnswersAsComputedOnTheFly(List<Long> parties, String commentary) {
        String noLimit = "9999-12-31";
        for (long party : parties) {
            for (String status : new String[] {"", "denied", "confirmed", "partially_confirmed", "unresolved", "withdrawn"}) {
                String filter = (status.isEmpty() ? "" : "&status=" + status) + commentary;
                for (int page = 0; ; page++) {
                    String path = "/api/parties/" + party + "/claims?size=7&page=" + page + filter;
                    JsonPath current = given().get(path).then().statusCode(200).extract().jsonPath();
                    JsonPath computed = given().get(path + "&asOf=" + noLimit).then().statusCode(200).extract().jsonPath();
                    assertEquals(computed.getList("items"), current.getList("items"), path);
                    assertEquals(computed.getLong("total"), current.getLong("total"), path);
                    if ((page + 1) * 7 >= current.getLong("total")) {
                        break;
                    }
                }
            }
            JsonPath current = given().get("/api/parties/" + party + "/summary" + commentary.replaceFirst("^&", "?")).then().statusCode(200)
                    .extract().jsonPath();
            JsonPath computed = given().get("/api/parties/" + party + "/summary?asOf=" + noLimit + commentary)
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Object> currentCounts = new HashMap<>(current.getMap("counts"));
            assertEquals(computed.getMap("counts"), currentCounts, "summary of " + party);
            assertEquals(computed.getLong("total"), current.getLong("total"), "summary total of " + party);
        }
    }
}
