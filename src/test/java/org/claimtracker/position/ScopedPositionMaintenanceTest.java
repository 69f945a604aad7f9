package org.claimtracker.position;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * party_scope_position (V14) keeps the current rolled-up positions of every party whose scope is
 * wider than itself, and must always equal tracker_scoped_positions (V12) computed on the fly: after
 * every write of a random but seeded sequence over every write path (claims, responses, incidents'
 * dates, parties' parents, new and deleted parts, memberships), one statement or many rows at a
 * time; party_scope_position_count must count its rows; and the API's scoped pages and summaries,
 * which read them, must answer as the function does. ScopedPositionTest holds the function to a
 * plain Java reference.
 */
@QuarkusTest
class ScopedPositionMaintenanceTest {

    private static final LocalDate D = LocalDate.of(2021, 3, 1);
    private static final String TEXT = "Jets struck the depot. The coalition denies it.";
    private static final String QUOTE = "The coalition denies it.";
    private static final String[] STANCES = {"asserts", "confirms", "partially_confirms", "acknowledges", "assessing",
        "denies", "counter_attributes", "declines_comment", "retracts"};

    @Test
    void randomWritesOnEveryPathKeepTheTableEqualToTheFunction() throws SQLException {
        Random random = new Random(16_14L);
        long article = Fixtures.article(TEXT, D.plusDays(90));
        String tag = Fixtures.unique("scope-maint");
        try (Connection connection = TestDatabase.connect(); Statement sql = connection.createStatement()) {
            long root = party(sql, tag, "state", null);
            long part = party(sql, tag, "government_body", root);
            long partOfPart = party(sql, tag, "person", part);
            long coalition = party(sql, tag, "coalition", null);
            long secretariat = party(sql, tag, "government_body", coalition);
            long m1 = party(sql, tag, "state", null);
            long m1part = party(sql, tag, "armed_force", m1);
            long m2 = party(sql, tag, "state", null);
            long outsider = party(sql, tag, "state", null);
            List<Long> parties = new ArrayList<>(List.of(root, part, partOfPart, coalition, secretariat, m1, m1part,
                    m2, outsider));
            Set<Long> added = new HashSet<>();
            membership(sql, tag, root, coalition, D.minusDays(5), D.plusDays(3));
            membership(sql, tag, m1, coalition, D.plusDays(2), D.plusDays(6));
            membership(sql, tag, m1, coalition, D.plusDays(9), null);
            membership(sql, tag, m2, coalition, null, D.plusDays(4));
            List<Long> incidents = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                incidents.add(insert(sql, "insert into incident (title, occurred_on, date_precision, created_by, updated_by)"
                        + " values ('%s incident', date '%s', 'day', '%s', '%s') returning id"
                        .formatted(tag, D.plusDays(random.nextInt(12)), tag, tag)));
            }
            for (int i = 0; i < 6; i++) {
                claim(sql, tag, random, parties, incidents);
            }
            assertMatches(connection, parties, "the start");

            int structural = 0;
            for (int step = 0; step < 140; step++) {
                int op = random.nextInt(100);
                String what;
                if (op < 15) {
                    what = "claim " + claim(sql, tag, random, parties, incidents);
                } else if (op < 45) {
                    long claim = pickClaim(sql, tag, random);
                    long party = parties.get(random.nextInt(parties.size()));
                    what = "response of " + party + " to " + claim;
                    sql.executeUpdate(responses(tag, article, "c.id = " + claim, party, random));
                } else if (op < 50) {
                    // Many responses in one statement, by several parties.
                    long party = parties.get(random.nextInt(parties.size()));
                    what = "responses in bulk";
                    sql.executeUpdate(responses(tag, article, "c.created_by = '" + tag + "' and hashint8(c.id + "
                            + random.nextInt(1000) + ") % 3 = 0", party, random));
                } else if (op < 58) {
                    long response = pickResponse(sql, tag, random);
                    what = "response " + response + " changed";
                    sql.executeUpdate(switch (random.nextInt(4)) {
                        case 0 -> "update response set stance = '%s' where id = %d"
                                .formatted(STANCES[random.nextInt(STANCES.length)], response);
                        case 1 -> "update response set stated_on = stated_on + %d where id = %d"
                                .formatted(random.nextInt(3) - 1, response);
                        case 2 -> "update response set party_id = %d where id = %d"
                                .formatted(parties.get(random.nextInt(parties.size())), response);
                        default -> "update response set claim_id = %d where id = %d"
                                .formatted(pickClaim(sql, tag, random), response);
                    });
                } else if (op < 63) {
                    long response = pickResponse(sql, tag, random);
                    what = "response " + response + " deleted";
                    sql.executeUpdate("delete from response where id = " + response);
                } else if (op < 73) {
                    long claim = pickClaim(sql, tag, random);
                    what = "claim " + claim + " changed";
                    long other = parties.get(random.nextInt(parties.size()));
                    sql.executeUpdate(switch (random.nextInt(5)) {
                        case 0 -> "update claim set addressed_party_id = case when claimant_id = %d then null else %d end"
                                .formatted(other, other) + " where id = " + claim;
                        case 1 -> "update claim set claimant_id = %d where id = %d and addressed_party_id is distinct from %d"
                                .formatted(other, claim, other);
                        case 2 -> "update claim set stated_on = stated_on - %d where id = %d"
                                .formatted(1 + random.nextInt(4), claim);
                        case 3 -> "update claim set incident_id = %s where id = %d"
                                .formatted(random.nextBoolean() ? "null" : incidents.get(random.nextInt(incidents.size())),
                                        claim);
                        default -> "update claim set kind = case when kind = 'commentary' then 'other' else 'commentary' end"
                                + " where id = " + claim;
                    });
                } else if (op < 78) {
                    long incident = incidents.get(random.nextInt(incidents.size()));
                    what = "incident " + incident + " redated";
                    sql.executeUpdate("update incident set occurred_on = date '%s' where id = %d"
                            .formatted(D.plusDays(random.nextInt(12)), incident));
                } else if (op < 84) {
                    // A part moves under another parent (never under itself or its own parts), or loses it.
                    long moved = parties.get(random.nextInt(parties.size()));
                    Set<Long> below = below(sql, moved);
                    List<Long> candidates = parties.stream().filter(p -> !below.contains(p)).toList();
                    Long parent = random.nextInt(5) == 0 || candidates.isEmpty() ? null
                            : candidates.get(random.nextInt(candidates.size()));
                    what = "party " + moved + " moved under " + parent;
                    sql.executeUpdate("update party set parent_id = %s where id = %d".formatted(parent, moved));
                    structural++;
                } else if (op < 88) {
                    long parent = parties.get(random.nextInt(parties.size()));
                    long created = party(sql, tag, "person", parent);
                    parties.add(created);
                    added.add(created);
                    what = "new part " + created + " of " + parent;
                    structural++;
                } else if (op < 91 && !added.isEmpty()) {
                    // A part with no claims, responses or parts of its own can go.
                    Long gone = added.stream().filter(p -> unused(sql, p)).findFirst().orElse(null);
                    what = "party " + gone + " deleted";
                    if (gone != null) {
                        sql.executeUpdate("delete from party where id = " + gone);
                        parties.remove(gone);
                        added.remove(gone);
                        structural++;
                    }
                } else {
                    long member = parties.get(random.nextInt(parties.size()));
                    long group = random.nextBoolean() ? coalition : parties.get(random.nextInt(parties.size()));
                    structural++;
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            what = "membership of " + member + " in " + group;
                            if (member != group) {
                                membership(sql, tag, member, group, random.nextBoolean() ? null : D.plusDays(random.nextInt(8)),
                                        random.nextBoolean() ? null : D.plusDays(8 + random.nextInt(8)));
                            }
                        }
                        case 1 -> {
                            what = "memberships redated";
                            sql.executeUpdate("update party_membership set valid_to = coalesce(valid_to, date '%s') + %d"
                                    .formatted(D.plusDays(10), random.nextInt(5) - 2) + " where created_by = '" + tag
                                    + "' and hashint8(id + " + random.nextInt(100) + ") % 2 = 0"
                                    + " and (valid_from is null or valid_from <= coalesce(valid_to, date '" + D.plusDays(10)
                                    + "') - 2)");
                        }
                        default -> {
                            what = "a membership ended";
                            sql.executeUpdate("delete from party_membership where id = (select id from party_membership"
                                    + " where created_by = '" + tag + "' order by hashint8(id + " + random.nextInt(100)
                                    + ") limit 1)");
                        }
                    }
                }
                assertMatches(connection, parties, "step " + step + " (" + what + ")");
                // As of a date (V22): one of the days the claims, responses and memberships span.
                assertAsOfMatches(connection, parties, D.plusDays(step % 17 - 2), "step " + step + " (" + what + ")");
            }
            assertTrue(structural > 10, "structural changes: " + structural);
            long rows = count(sql, "select count(*) from party_scope_position where root_id = any (array"
                    + parties + ")");
            assertTrue(rows > 40, "rows kept for the test's parties: " + rows);
            // Disagreement is kept too: a state denies and its ministry confirms on one day.
            long state = party(sql, tag, "state", null);
            long ministry = party(sql, tag, "government_body", state);
            parties.add(state);
            parties.add(ministry);
            long claim = claim(sql, tag, outsider, ministry, "other", D, null);
            sql.executeUpdate(responses(tag, article, "c.id = " + claim, state, "denies", 1));
            sql.executeUpdate(responses(tag, article, "c.id = " + claim, ministry, "confirms", 1));
            assertMatches(connection, parties, "a state and its ministry disagree");
            assertEquals(List.of("contested"), TestDatabase.rows(connection, "select position from party_scope_position"
                    + " where root_id = %d and scope = 'parts' and claim_id = %d".formatted(state, claim)));
            // A member that joins after the date asked about, on a claim stated before it about an incident
            // after the membership began: today the group answers for it, as of the date not (V22's
            // masked rows). And a claimant that retracted, then asserted again: no position today
            // (party_scope_silent), withdrawn as of the day between.
            long group = party(sql, tag, "coalition", null);
            long late = party(sql, tag, "state", null);
            long latePart = party(sql, tag, "armed_force", late);
            parties.addAll(List.of(group, late, latePart));
            membership(sql, tag, late, group, D.plusDays(9), null);
            long later = insert(sql, "insert into incident (title, occurred_on, date_precision, created_by, updated_by)"
                    + " values ('%s incident', date '%s', 'day', '%s', '%s') returning id".formatted(tag, D.plusDays(10), tag, tag));
            long foreseen = claim(sql, tag, outsider, latePart, "other", D.plusDays(4), later);
            sql.executeUpdate(responses(tag, article, "c.id = " + foreseen, latePart, "denies", 1));
            long retracted = claim(sql, tag, latePart, outsider, "other", D.plusDays(10), null);
            sql.executeUpdate(responses(tag, article, "c.id = " + retracted, latePart, "retracts", 1));
            sql.executeUpdate(responses(tag, article, "c.id = " + retracted, latePart, "asserts", 3));
            assertMatches(connection, parties, "a member joining later");
            String asOfPosition = "select coalesce(max(position), 'none') from tracker_scoped_positions(%d, '%s', %s, false)"
                    + " where claim_id = %d";
            assertEquals(List.of("denied"), TestDatabase.rows(connection, asOfPosition.formatted(group, "members", "null", foreseen)));
            assertEquals(List.of("none"), TestDatabase.rows(connection,
                    asOfPosition.formatted(group, "members", "date '" + D.plusDays(6) + "'", foreseen)));
            assertEquals(List.of("none"), TestDatabase.rows(connection, asOfPosition.formatted(late, "parts", "null", retracted)));
            assertEquals(List.of("withdrawn"), TestDatabase.rows(connection,
                    asOfPosition.formatted(late, "parts", "date '" + D.plusDays(12) + "'", retracted)));
            for (int day = 3; day <= 14; day++) {
                assertAsOfMatches(connection, parties, D.plusDays(day), "a member joining later");
            }
            assertApiAnswersAsTheFunction(connection, parties, null);
            assertApiAnswersAsTheFunction(connection, parties, D.plusDays(6));
            assertApiAnswersAsTheFunction(connection, parties, D.plusDays(10));
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static long party(Statement sql, String tag, String kind, Long parent) throws SQLException {
        return insert(sql, "insert into party (name, kind, parent_id, created_by, updated_by) values ('%s', '%s', %s,"
                .formatted(Fixtures.unique(tag + " " + kind), kind, parent) + " '" + tag + "', '" + tag + "') returning id");
    }

    private static void membership(Statement sql, String tag, long member, long group, LocalDate from, LocalDate to)
            throws SQLException {
        sql.executeUpdate("insert into party_membership (member_id, group_id, valid_from, valid_to, created_by, updated_by)"
                + " values (%d, %d, %s, %s, '%s', '%s') on conflict do nothing"
                .formatted(member, group, from == null ? "null" : "date '" + from + "'",
                        to == null ? "null" : "date '" + to + "'", tag, tag));
    }

    private static long claim(Statement sql, String tag, Random random, List<Long> parties, List<Long> incidents)
            throws SQLException {
        long claimant = parties.get(random.nextInt(parties.size()));
        Long addressed = random.nextInt(6) == 0 ? null : parties.get(random.nextInt(parties.size()));
        if (addressed != null && addressed == claimant) {
            addressed = null;
        }
        Long incident = random.nextBoolean() ? incidents.get(random.nextInt(incidents.size())) : null;
        return claim(sql, tag, claimant, addressed, random.nextInt(8) == 0 ? "commentary" : "other",
                D.plusDays(4 + random.nextInt(8)), incident);
    }

    /** A claim of the test's, inserted as it stands (addressed party and incident may be null). */
    private static long claim(Statement sql, String tag, long claimant, Long addressed, String kind, LocalDate statedOn,
            Long incident) throws SQLException {
        return insert(sql, """
                insert into claim (claimant_id, addressed_party_id, proposition, kind, stated_on, incident_id,
                                   created_by, updated_by)
                values (%d, %s, '%s claim', '%s', date '%s', %s, '%s', '%s') returning id
                """.formatted(claimant, addressed, tag, kind, statedOn, incident, tag, tag));
    }

    /** A response of the party to each claim the condition selects (c: claim), dated on or after the claim. */
    private static String responses(String tag, long article, String claims, long party, Random random) {
        return responses(tag, article, claims, party, STANCES[random.nextInt(STANCES.length)], random.nextInt(2));
    }

    /** The same with a given stance, dated the given number of days after each claim. */
    private static String responses(String tag, long article, String claims, long party, String stance, int days) {
        return """
                insert into response (claim_id, party_id, stance, stated_on, article_id, quote, quote_start, quote_end,
                                      created_by, updated_by)
                select c.id, %d, '%s', c.stated_on + %d, a.id, '%s', strpos(a.body, '%s') - 1,
                       strpos(a.body, '%s') - 1 + char_length('%s'), '%s', '%s'
                  from claim c join article a on a.id = %d
                 where %s
                """.formatted(party, stance, days, QUOTE, QUOTE, QUOTE,
                QUOTE, tag, tag, article, claims);
    }

    private static long pickClaim(Statement sql, String tag, Random random) throws SQLException {
        return count(sql, "select id from claim where created_by = '%s' order by hashint8(id + %d) limit 1"
                .formatted(tag, random.nextInt(10_000)));
    }

    private static long pickResponse(Statement sql, String tag, Random random) throws SQLException {
        return count(sql, "select coalesce((select id from response where created_by = '%s' order by hashint8(id + %d)"
                .formatted(tag, random.nextInt(10_000)) + " limit 1), 0)");
    }

    /** The party and every party whose parent chain leads to it. */
    private static Set<Long> below(Statement sql, long party) throws SQLException {
        Set<Long> found = new HashSet<>();
        try (ResultSet rows = sql.executeQuery("with recursive d (id) as (select %d::bigint union select p.id from party p"
                .formatted(party) + " join d on p.parent_id = d.id) select id from d")) {
            while (rows.next()) {
                found.add(rows.getLong(1));
            }
        }
        return found;
    }

    private static boolean unused(Statement sql, long party) {
        try {
            return count(sql, ("select count(*) from (select 1 from claim where claimant_id = %1$d or addressed_party_id = %1$d"
                    + " union all select 1 from response where party_id = %1$d union all select 1 from party where parent_id = %1$d"
                    + " union all select 1 from party_membership where group_id = %1$d) x").formatted(party)) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long insert(Statement sql, String statement) throws SQLException {
        return count(sql, statement);
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * For each party and scope: the kept rows equal the function's when the scope is rolled, and there
     * are none when it is not (then the function's answer is party_position's, which ScopedPositionTest
     * and PartyPositionMaintenanceTest check); the counts count the rows.
     */
    private static void assertMatches(Connection connection, List<Long> parties, String after) throws SQLException {
        for (long party : parties) {
            for (String scope : List.of("parts", "members")) {
                boolean rolled = TestDatabase.rows(connection, "select tracker_scope_is_rolled(%d, '%s')".formatted(party, scope))
                        .equals(List.of("true"));
                List<String> kept = TestDatabase.rows(connection, """
                        select claim_id, position, response_id, respondent_id, sort_on from party_scope_position
                         where root_id = %d and scope = '%s' order by sort_on desc, claim_id desc
                        """.formatted(party, scope));
                List<String> expected = rolled ? TestDatabase.rows(connection, """
                        select claim_id, position, response_id, respondent_id, sort_on
                          from tracker_scoped_positions(%d, '%s', null, false)
                         order by sort_on desc, claim_id desc
                        """.formatted(party, scope)) : List.of();
                assertEquals(expected, kept, after + ": party " + party + " scope " + scope + (rolled ? "" : " (not rolled)"));
            }
        }
        assertEquals(List.of(), TestDatabase.rows(connection, """
                select coalesce(a.root_id, k.root_id), coalesce(a.scope, k.scope), coalesce(a.position, k.position), a.n, k.n
                  from (select root_id, scope, position, count(*) as n from party_scope_position
                         where root_id = any (array%1$s) group by 1, 2, 3) a
                  full join (select root_id, scope, position, n from party_scope_position_count
                              where root_id = any (array%1$s) and n <> 0) k
                    on k.root_id = a.root_id and k.scope = a.scope and k.position = a.position
                 where a.n is distinct from k.n
                """.formatted(parties)), after + ": party_scope_position_count");
        assertEquals(List.of(), TestDatabase.rows(connection, "select root_id from party_scope_position_count where n < 0"),
                after + ": negative counts");
        // The months (V15) against a plain recount: the first day of the month of sort_on.
        assertEquals(List.of(), TestDatabase.rows(connection, """
                select coalesce(a.root_id, k.root_id), coalesce(a.scope, k.scope), coalesce(a.month, k.month),
                       coalesce(a.position, k.position), a.n, k.n
                  from (select root_id, scope, make_date(extract(year from sort_on)::int, extract(month from sort_on)::int, 1)
                               as month, position, count(*) as n
                          from party_scope_position where root_id = any (array%1$s) group by 1, 2, 3, 4) a
                  full join (select root_id, scope, month, position, n from party_scope_position_month
                              where root_id = any (array%1$s) and n <> 0) k
                    on k.root_id = a.root_id and k.scope = a.scope and k.month = a.month and k.position = a.position
                 where a.n is distinct from k.n
                """.formatted(parties)), after + ": party_scope_position_month");
        assertEquals(List.of(), TestDatabase.rows(connection, "select root_id from party_scope_position_month where n < 0"),
                after + ": negative month counts");
    }

    /**
     * For each party and scope, the answer as of a date read mostly from what is kept
     * (PositionService.SCOPED_AS_OF, V22) equals the function's.
     */
    private static void assertAsOfMatches(Connection connection, List<Long> parties, LocalDate asOf, String after)
            throws SQLException {
        for (long party : parties) {
            for (String scope : List.of("parts", "members")) {
                List<String> expected = TestDatabase.rows(connection, """
                        select claim_id, position, response_id, respondent_id, sort_on
                          from tracker_scoped_positions(%d, '%s', date '%s', false)
                         order by sort_on desc, claim_id desc
                        """.formatted(party, scope, asOf));
                List<String> actual = TestDatabase.rows(connection, asOf(PositionService.SCOPED_AS_OF, party, scope, asOf)
                        + "select claim_id, position, response_id, respondent_id, sort_on from positioned"
                        + " order by sort_on desc, claim_id desc");
                assertEquals(expected, actual, after + ": party " + party + " scope " + scope + " as of " + asOf);
                // And their numbers per month, as the summary, the pages' totals and the picture count them.
                List<String> expectedCounts = TestDatabase.rows(connection, """
                        select tracker_position_month(sort_on), position, count(*)
                          from tracker_scoped_positions(%d, '%s', date '%s', false)
                         group by 1, 2 order by 1, 2
                        """.formatted(party, scope, asOf));
                List<String> counted = TestDatabase.rows(connection, asOf(PositionService.SCOPED_AS_OF, party, scope, asOf)
                        + "select month, position, sum(n) from counted group by 1, 2 having sum(n) <> 0 order by 1, 2");
                assertEquals(expectedCounts, counted, after + ": numbers of party " + party + " scope " + scope
                        + " as of " + asOf);
            }
        }
    }

    /** The statement with its parameters written in. */
    private static String asOf(String statement, long party, String scope, LocalDate asOf) {
        return statement.replace(":party", Long.toString(party)).replace(":scope", "'" + scope + "'")
                .replace(":asOf", "date '" + asOf + "'");
    }

    /** The API's pages and summaries with scope, current or as of a date, against the function. */
    private static void assertApiAnswersAsTheFunction(Connection connection, List<Long> parties, LocalDate asOf)
            throws SQLException {
        String date = asOf == null ? "null" : "date '" + asOf + "'";
        String asked = asOf == null ? "" : "&asOf=" + asOf;
        int nonEmpty = 0;
        for (long party : parties) {
            for (String scope : List.of("parts", "members")) {
                List<String> expected = TestDatabase.rows(connection, """
                        select claim_id, position, response_id, respondent_id
                          from tracker_scoped_positions(%d, '%s', %s, false)
                         order by sort_on desc, claim_id desc
                        """.formatted(party, scope, date));
                JsonPath page = given().get("/api/parties/" + party + "/claims?size=200&scope=" + scope + asked)
                        .then().statusCode(200).extract().jsonPath();
                List<String> actual = new ArrayList<>();
                for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                    Map<?, ?> latest = (Map<?, ?>) item.get("latestResponse");
                    Map<?, ?> respondent = (Map<?, ?>) item.get("respondent");
                    actual.add(item.get("claimId") + "|" + item.get("position") + "|"
                            + (latest == null ? null : latest.get("id")) + "|"
                            + (respondent == null ? null : respondent.get("id")));
                }
                assertEquals(expected, actual, "API page of " + party + " scope " + scope);
                assertEquals(expected.size(), page.getInt("total"), "API total of " + party + " scope " + scope);
                if (!expected.isEmpty()) {
                    nonEmpty++;
                }
                List<String> counts = TestDatabase.rows(connection, """
                        select p.position, count(x.claim_id)
                          from unnest(array['denied', 'confirmed', 'partially_confirmed', 'unresolved', 'withdrawn',
                                            'contested']) p (position)
                          left join tracker_scoped_positions(%d, '%s', %s, false) x on x.position = p.position
                         group by p.position order by p.position
                        """.formatted(party, scope, date));
                JsonPath summary = given().get("/api/parties/" + party + "/summary?scope=" + scope + asked)
                        .then().statusCode(200).extract().jsonPath();
                for (String row : counts) {
                    String[] cells = row.split("\\|");
                    assertEquals(Long.parseLong(cells[1]), summary.getLong("counts." + cells[0]),
                            "API summary of " + party + " scope " + scope + ": " + cells[0]);
                    // A status page's total is the summary's count.
                    assertEquals(Long.parseLong(cells[1]), given().get("/api/parties/" + party + "/claims?size=1&scope="
                            + scope + asked + "&status=" + cells[0]).then().statusCode(200).extract().jsonPath().getLong("total"),
                            "API total of " + party + " scope " + scope + " status " + cells[0]);
                }
            }
        }
        assertTrue(nonEmpty > 4, "non-empty scoped pages: " + nonEmpty);
    }

}
