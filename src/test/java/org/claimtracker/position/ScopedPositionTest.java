package org.claimtracker.position;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.DAY;
import static org.claimtracker.support.Fixtures.claim;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.response;
import static org.claimtracker.support.Fixtures.state;
import static org.claimtracker.support.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Positions rolled up the party hierarchy (scope parts, members; issue 16), built through the API
 * and held to a plain Java reference computed from the raw rows.
 */
@QuarkusTest
class ScopedPositionTest {

    private static final String TEXT = "The ministry of A says jets of B bombed V. B denies it. B's ministry confirms it."
            + " B's spokesman is assessing. The coalition denies it.";
    private static final String QUOTE = "B denies it.";
    private static final String[] STANCES = {"asserts", "confirms", "partially_confirms", "acknowledges", "assessing",
        "denies", "counter_attributes", "declines_comment", "retracts"};

    private static long child(String name, String kind, long parent) {
        return created("/api/parties", Map.of("name", unique(name), "kind", kind, "parentId", parent));
    }

    private static long membership(long member, long group, LocalDate from, LocalDate to) {
        Map<String, Object> body = new HashMap<>();
        body.put("groupId", group);
        if (from != null) {
            body.put("from", from.toString());
        }
        if (to != null) {
            body.put("to", to.toString());
        }
        return created("/api/parties/" + member + "/memberships", body);
    }

    private static ValidatableResponse claimsOf(long party, String query) {
        return given().when().get("/api/parties/" + party + "/claims" + query).then().statusCode(200);
    }

    @Test
    void aStateAnswersThroughThreeLevelsOfPartsAndSelfStaysItsOwn() {
        long article = Fixtures.article(TEXT, DAY.plusDays(10));
        long a = state("A");
        long b = state("B");
        long government = child("B government", "government_body", b);
        long ministry = child("B ministry", "government_body", government);
        long spokesman = child("B spokesman", "person", ministry);
        long claim = claim(a, b, article, "jets of B bombed V", DAY);
        long denial = response(claim, spokesman, "denies", DAY.plusDays(2), article, QUOTE);

        claimsOf(b, "").body("total", is(1)).body("items[0].position", is("unresolved"))
                .body("items[0].latestResponse", nullValue()).body("items[0].respondent", nullValue());
        claimsOf(b, "?scope=self").body("items[0].position", is("unresolved"));
        claimsOf(b, "?scope=parts").body("total", is(1))
                .body("items[0].position", is("denied"))
                .body("items[0].latestResponse.id", is((int) denial))
                .body("items[0].latestResponse.statedOn", is(DAY.plusDays(2).toString()))
                .body("items[0].respondent.id", is((int) spokesman));
        // The spokesman's own answer names himself; the government (a middle level) rolls it up too.
        claimsOf(spokesman, "").body("items[0].respondent.id", is((int) spokesman));
        claimsOf(government, "?scope=parts").body("items[0].position", is("denied"));
        // Not addressed to the ministry, but its part denied: the ministry holds the denial.
        claimsOf(ministry, "?scope=parts&status=denied").body("total", is(1));
        // Before the denial, the addressed state is unresolved within any scope.
        claimsOf(b, "?scope=parts&asOf=" + DAY.plusDays(1)).body("items[0].position", is("unresolved"));
        given().get("/api/parties/" + b + "/summary?scope=parts").then().statusCode(200)
                .body("counts.denied", is(1)).body("counts.unresolved", is(0)).body("total", is(1));
        given().get("/api/parties/" + b + "/summary").then().statusCode(200)
                .body("counts.unresolved", is(1)).body("counts.contested", is(0));

        // The ministry confirms on the same day as the spokesman's denial: the state is contested.
        response(claim, ministry, "confirms", DAY.plusDays(2), article, QUOTE);
        claimsOf(b, "?scope=parts").body("items[0].position", is("contested"));
        claimsOf(b, "?scope=parts&status=contested").body("total", is(1));
        // A later word by anyone in scope settles it.
        long later = response(claim, government, "denies", DAY.plusDays(3), article, QUOTE);
        claimsOf(b, "?scope=parts").body("items[0].position", is("denied"))
                .body("items[0].respondent.id", is((int) government)).body("items[0].latestResponse.id", is((int) later));
        claimsOf(b, "?scope=parts&asOf=" + DAY.plusDays(2)).body("items[0].position", is("contested"));
    }

    @Test
    void aCoalitionAnswersThroughItsMembersWhileTheyAreMembers() {
        long article = Fixtures.article(TEXT, DAY.plusDays(40));
        long a = state("A");
        long coalition = Fixtures.party("Coalition", "coalition");
        long early = state("Early member");
        long earlyMinistry = child("Early ministry", "government_body", early);
        long late = state("Late member");
        membership(early, coalition, DAY.minusDays(10), DAY.plusDays(5));
        membership(late, coalition, DAY.plusDays(20), null);
        // Claims dated by their incident: one within the early member's membership, one after it.
        long during = created("/api/incidents", Map.of("title", unique("Strike"), "occurredOn", DAY.toString()));
        long after = created("/api/incidents", Map.of("title", unique("Strike"), "occurredOn",
                DAY.plusDays(25).toString()));
        Map<String, Object> first = Fixtures.claimBody(a, coalition, article, "jets of B bombed V", DAY.plusDays(30));
        first.put("incidentId", during);
        long claimDuring = created("/api/claims", first);
        Map<String, Object> second = Fixtures.claimBody(a, coalition, article, "jets of B bombed V", DAY.plusDays(30));
        second.put("incidentId", after);
        long claimAfter = created("/api/claims", second);
        // A claim not addressed to the coalition, answered by a member's part.
        long other = claim(a, early, article, "jets of B bombed V", DAY);

        long earlyDenial = response(claimDuring, earlyMinistry, "denies", DAY.plusDays(31), article, QUOTE);
        response(claimAfter, earlyMinistry, "denies", DAY.plusDays(31), article, QUOTE);
        response(claimAfter, late, "confirms", DAY.plusDays(31), article, QUOTE);
        response(other, early, "confirms", DAY.plusDays(1), article, QUOTE);

        claimsOf(coalition, "?scope=parts").body("total", is(2)).body("items.position", is(List.of("unresolved",
                "unresolved")));
        JsonPath members = claimsOf(coalition, "?scope=members").extract().jsonPath();
        assertEquals(Map.of(claimDuring, "denied", claimAfter, "confirmed", other, "confirmed"), positions(members));
        assertEquals(earlyDenial, members.getLong("items.find { it.claimId == " + claimDuring + " }.latestResponse.id"));
        assertEquals(earlyMinistry, members.getLong("items.find { it.claimId == " + claimDuring + " }.respondent.id"));
        // As of a date before the late member joined, its answer does not count; nor does anything later.
        assertEquals(Map.of(other, "confirmed"), positions(claimsOf(coalition, "?scope=members&asOf="
                + DAY.plusDays(10)).extract().jsonPath()));
        given().get("/api/parties/" + coalition + "/summary?scope=members").then().statusCode(200)
                .body("counts.denied", is(1)).body("counts.confirmed", is(2)).body("total", is(3));
    }

    private static Map<Long, String> positions(JsonPath page) {
        Map<Long, String> map = new HashMap<>();
        List<Map<String, Object>> items = page.getList("items");
        for (Map<String, Object> item : items) {
            map.put(((Number) item.get("claimId")).longValue(), (String) item.get("position"));
        }
        return map;
    }

    @Test
    void aBadScopeIsNamed() {
        long b = state("B");
        given().get("/api/parties/" + b + "/claims?scope=everyone").then().statusCode(400)
                .body("detail", containsString("scope"));
        given().get("/api/parties/" + b + "/summary?scope=all").then().statusCode(400)
                .body("detail", containsString("scope"));
        given().get("/api/parties/99999999/claims?scope=parts").then().statusCode(404);
        claimsOf(b, "?scope=members").body("total", is(0)).body("items", empty());
    }

    @Test
    void theSeedsAnswerUpTheHierarchy() {
        long unitedStates = partyNamed("United States");
        long belgium = partyNamed("Belgium");
        long coalition = partyNamed("US-led coalition");
        long alBab = claimRef("ru-mod-us-coordinates-al-bab");
        long hasajek = claimRef("ru-mod-belgian-f16-hasajek");

        JsonPath us = claimsOf(unitedStates, "?scope=parts&status=denied&size=200").extract().jsonPath();
        assertEquals("denied", positions(us).get(alBab), "the United States, with its parts, denied coordinating al-Bab");
        JsonPath be = claimsOf(belgium, "?scope=parts&size=200").extract().jsonPath();
        assertEquals("denied", positions(be).get(hasajek));
        JsonPath co = claimsOf(coalition, "?scope=members&size=200").extract().jsonPath();
        assertEquals("denied", positions(co).get(hasajek), "Belgium's denial, within its membership");
        String respondent = co.getString("items.find { it.claimId == " + hasajek + " }.respondent.name");
        assertEquals(true, respondent.contains("Belgi"), respondent);
        // Without a scope the coalition holds no position on the Hasajek raid.
        assertEquals(null, positions(claimsOf(coalition, "?size=200").extract().jsonPath()).get(hasajek));
    }

    private static long partyNamed(String name) {
        List<Map<String, Object>> items = given().queryParam("q", name).queryParam("size", 200).get("/api/parties")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(p -> name.equals(p.get("name"))).map(p -> ((Number) p.get("id")).longValue())
                .findFirst().orElseThrow(() -> new AssertionError("party " + name));
    }

    private static long claimRef(String ref) {
        return given().queryParam("ref", ref).get("/api/claims").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
    }

    // ---------------------------------------------------------------------------------------------
    // The reference: the rule computed in plain Java from the raw rows.

    @Test
    void randomWritesAgreeWithAPlainReference() throws SQLException {
        Random random = new Random(16_2026L);
        long article = Fixtures.article(TEXT, DAY.plusDays(60));
        long root = state("Root");
        long part = child("Root part", "government_body", root);
        long partOfPart = child("Root part part", "person", part);
        long coalition = Fixtures.party("Random coalition", "coalition");
        long m1 = state("Member one");
        long m1part = child("Member one part", "government_body", m1);
        long m2 = state("Member two");
        long outsider = state("Outsider");
        membership(root, coalition, DAY.minusDays(5), DAY.plusDays(3));
        membership(m1, coalition, DAY.plusDays(2), DAY.plusDays(6));
        membership(m1, coalition, DAY.plusDays(9), null);
        membership(m2, coalition, null, DAY.plusDays(4));
        List<Long> parties = List.of(root, part, partOfPart, coalition, m1, m1part, m2, outsider);
        List<Long> incidents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            incidents.add(created("/api/incidents", Map.of("title", unique("Strike"), "occurredOn",
                    DAY.plusDays(random.nextInt(12)).toString())));
        }
        List<Long> claims = new ArrayList<>();
        for (int step = 0; step < 90; step++) {
            if (claims.size() < 3 || random.nextInt(100) < 25) {
                long claimant = parties.get(random.nextInt(parties.size()));
                Long addressed = random.nextInt(6) == 0 ? null : parties.get(random.nextInt(parties.size()));
                if (Objects.equals(addressed, claimant)) {
                    addressed = null;
                }
                Map<String, Object> body = Fixtures.claimBody(claimant, addressed, article, QUOTE,
                        DAY.plusDays(random.nextInt(12)));
                if (random.nextBoolean()) {
                    body.put("incidentId", incidents.get(random.nextInt(incidents.size())));
                }
                claims.add(created("/api/claims", body));
            } else {
                long claimId = claims.get(random.nextInt(claims.size()));
                long party = parties.get(random.nextInt(parties.size()));
                String stance = STANCES[random.nextInt(STANCES.length)];
                Fixtures.post("/api/responses", Fixtures.responseBody(claimId, party, stance,
                        DAY.plusDays(6 + random.nextInt(3)), article, QUOTE));
            }
        }
        Raw raw = Raw.read(parties);
        Set<String> seen = new HashSet<>();
        int differentFromSelf = 0;
        for (long party : List.of(root, part, coalition, m1)) {
            for (String scope : List.of("self", "parts", "members")) {
                for (LocalDate asOf : new LocalDate[] {null, DAY.plusDays(5), DAY.plusDays(8), DAY.plusDays(20)}) {
                    Map<Long, String> expected = raw.positions(party, scope, asOf);
                    expected.values().forEach(v -> seen.add(v.split(" ")[0]));
                    if (!expected.equals(raw.positions(party, "self", asOf))) {
                        differentFromSelf++;
                    }
                    JsonPath page = claimsOf(party, "?size=200&scope=" + scope + (asOf == null ? "" : "&asOf=" + asOf))
                            .extract().jsonPath();
                    Map<Long, String> actual = new TreeMap<>();
                    List<Map<String, Object>> items = page.getList("items");
                    for (Map<String, Object> item : items) {
                        Object respondent = item.get("respondent");
                        Object latest = item.get("latestResponse");
                        actual.put(((Number) item.get("claimId")).longValue(), item.get("position") + " "
                                + (latest == null ? null : ((Map<?, ?>) latest).get("id")) + " "
                                + (respondent == null ? null : ((Map<?, ?>) respondent).get("id")));
                    }
                    assertEquals(expected, actual, "party " + party + " scope " + scope + " asOf " + asOf);
                }
            }
        }
        // The sequence reaches what it is meant to test: scopes that differ from self, and disagreement.
        assertTrue(differentFromSelf > 10, "scoped answers differing from self: " + differentFromSelf);
        assertTrue(seen.containsAll(List.of("denied", "confirmed", "unresolved", "contested")), "positions seen: " + seen);
    }

    private record Row(long id, long claimId, long partyId, String stance, LocalDate statedOn) {
    }

    private record ClaimRow(long id, long claimant, Long addressed, LocalDate statedOn, LocalDate claimOn) {
    }

    private record Member(long member, long group, LocalDate from, LocalDate to) {
    }

    /** The raw rows of the test's parties, and the rule applied to them by hand. */
    private record Raw(Map<Long, Long> parent, List<Member> memberships, List<ClaimRow> claims, List<Row> responses) {

        static Raw read(List<Long> parties) throws SQLException {
            Map<Long, Long> parent = new HashMap<>();
            List<Member> memberships = new ArrayList<>();
            List<ClaimRow> claims = new ArrayList<>();
            List<Row> responses = new ArrayList<>();
            Long[] ids = parties.toArray(Long[]::new);
            try (Connection connection = TestDatabase.connect()) {
                try (PreparedStatement s = connection.prepareStatement(
                        "select id, parent_id from party where id = any (?)")) {
                    s.setArray(1, connection.createArrayOf("bigint", ids));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            parent.put(r.getLong(1), (Long) r.getObject(2));
                        }
                    }
                }
                try (PreparedStatement s = connection.prepareStatement("select member_id, group_id, valid_from, valid_to"
                        + " from party_membership where member_id = any (?)")) {
                    s.setArray(1, connection.createArrayOf("bigint", ids));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            memberships.add(new Member(r.getLong(1), r.getLong(2), r.getObject(3, LocalDate.class),
                                    r.getObject(4, LocalDate.class)));
                        }
                    }
                }
                try (PreparedStatement s = connection.prepareStatement("select c.id, c.claimant_id, c.addressed_party_id,"
                        + " c.stated_on, i.occurred_on from claim c left join incident i on i.id = c.incident_id"
                        + " where c.claimant_id = any (?) and c.kind <> 'commentary'")) {
                    s.setArray(1, connection.createArrayOf("bigint", ids));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            LocalDate statedOn = r.getObject(4, LocalDate.class);
                            LocalDate occurred = r.getObject(5, LocalDate.class);
                            claims.add(new ClaimRow(r.getLong(1), r.getLong(2), (Long) r.getObject(3), statedOn,
                                    occurred == null ? statedOn : occurred));
                        }
                    }
                }
                try (PreparedStatement s = connection.prepareStatement("select id, claim_id, party_id, stance, stated_on"
                        + " from response where party_id = any (?)")) {
                    s.setArray(1, connection.createArrayOf("bigint", ids));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            responses.add(new Row(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4),
                                    r.getObject(5, LocalDate.class)));
                        }
                    }
                }
            }
            return new Raw(parent, memberships, claims, responses);
        }

        /** The parties under p (p included), by walking the parent links down. */
        Set<Long> withParts(long p) {
            Set<Long> found = new HashSet<>();
            Deque<Long> todo = new ArrayDeque<>(List.of(p));
            while (!todo.isEmpty()) {
                long next = todo.pop();
                if (found.add(next)) {
                    parent.forEach((child, up) -> {
                        if (up != null && up == next) {
                            todo.push(child);
                        }
                    });
                }
            }
            return found;
        }

        boolean inScope(long root, String scope, long party, LocalDate claimOn, LocalDate asOf) {
            if (party == root || (!scope.equals("self") && withParts(root).contains(party))) {
                return true;
            }
            if (!scope.equals("members")) {
                return false;
            }
            LocalDate limit = asOf == null ? LocalDate.MAX : asOf;
            for (Member m : memberships) {
                if (m.group() == root && (m.from() == null || !m.from().isAfter(limit))
                        && (m.from() == null || !m.from().isAfter(claimOn)) && (m.to() == null || !claimOn.isAfter(m.to()))
                        && withParts(m.member()).contains(party)) {
                    return true;
                }
            }
            return false;
        }

        static String position(String stance, boolean claimant, boolean addressed) {
            if (stance != null) {
                switch (stance) {
                    case "denies", "counter_attributes" -> {
                        return "denied";
                    }
                    case "confirms", "acknowledges" -> {
                        return "confirmed";
                    }
                    case "partially_confirms" -> {
                        return "partially_confirmed";
                    }
                    case "retracts" -> {
                        if (claimant) {
                            return "withdrawn";
                        }
                    }
                    default -> {
                    }
                }
            }
            return addressed ? "unresolved" : null;
        }

        /** claim id -> "position responseId respondentId". */
        Map<Long, String> positions(long root, String scope, LocalDate asOf) {
            LocalDate limit = asOf == null ? LocalDate.MAX : asOf;
            Map<Long, String> answer = new TreeMap<>();
            for (ClaimRow c : claims) {
                if (c.statedOn().isAfter(limit)) {
                    continue;
                }
                boolean claimant = inScope(root, scope, c.claimant(), c.claimOn(), asOf);
                boolean addressed = c.addressed() != null && inScope(root, scope, c.addressed(), c.claimOn(), asOf);
                // each party in scope: its latest response
                Map<Long, Row> latest = new HashMap<>();
                for (Row r : responses) {
                    if (r.claimId() == c.id() && !r.statedOn().isAfter(limit)
                            && inScope(root, scope, r.partyId(), c.claimOn(), asOf)) {
                        Row old = latest.get(r.partyId());
                        if (old == null || r.statedOn().isAfter(old.statedOn())
                                || (r.statedOn().equals(old.statedOn()) && r.id() > old.id())) {
                            latest.put(r.partyId(), r);
                        }
                    }
                }
                Row deciding = null;
                for (Row r : latest.values()) {
                    if (deciding == null || r.statedOn().isAfter(deciding.statedOn())
                            || (r.statedOn().equals(deciding.statedOn()) && r.id() > deciding.id())) {
                        deciding = r;
                    }
                }
                String position;
                if (deciding == null) {
                    position = position(null, claimant, addressed);
                } else {
                    Set<String> voices = new HashSet<>();
                    for (Row r : latest.values()) {
                        String p = position(r.stance(), claimant, addressed);
                        if (r.statedOn().equals(deciding.statedOn()) && p != null && !p.equals("unresolved")) {
                            voices.add(p);
                        }
                    }
                    position = voices.size() > 1 ? "contested" : position(deciding.stance(), claimant, addressed);
                }
                if (position != null) {
                    answer.put(c.id(), position + " " + (deciding == null ? null : deciding.id()) + " "
                            + (deciding == null ? null : deciding.partyId()));
                }
            }
            return answer;
        }
    }
}
