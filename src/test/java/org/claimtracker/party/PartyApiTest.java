package org.claimtracker.party;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.post;
import static org.claimtracker.support.Fixtures.put;
import static org.claimtracker.support.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartyApiTest {

    private static Map<String, Object> body(String name, String kind, List<String> aliases) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("aliases", aliases);
        return body;
    }

    @Test
    void aliasesAreSearchableIgnoringCase() {
        String tag = unique("Group");
        long id = created("/api/parties", body(tag, "armed_group", List.of(tag + " ALIAS-ONE", tag + " alias-two")));
        given().get("/api/parties/" + id).then().statusCode(200)
                .body("aliases", contains(tag + " ALIAS-ONE", tag + " alias-two"))
                .body("kind", is("armed_group"));
        given().queryParam("q", (tag + " alias-one").toUpperCase()).get("/api/parties").then().statusCode(200)
                .body("total", is(1)).body("items[0].id", is((int) id))
                .body("items[0].aliases", hasSize(2));
        given().queryParam("q", tag.toLowerCase()).queryParam("kind", "state").get("/api/parties").then()
                .body("total", is(0));
    }

    @Test
    void aNameOrAliasNamesOnePartyOnly() {
        String tag = unique("Daesh");
        created("/api/parties", body(tag, "armed_group", List.of(tag + " IS")));
        post("/api/parties", body(unique("Other"), "armed_group", List.of("x " + unique("a"), (tag + " is").toUpperCase())))
                .statusCode(409).body("field", is("aliases[1]"));
        post("/api/parties", body(tag + " IS", "armed_group", List.of())).statusCode(409).body("field", is("name"));
        post("/api/parties", body(unique("Dup"), "state", List.of("same", "SAME"))).statusCode(422)
                .body("field", is("aliases[1]"));
    }

    @Test
    void updatingAliasesReplacesThemAndKeepsTheOnesStillWanted() {
        String tag = unique("Coalition");
        long id = created("/api/parties", body(tag, "coalition", List.of(tag + " a", tag + " b")));
        Map<String, Object> update = body(tag, "coalition", List.of(tag + " B", tag + " c"));
        update.put("version", 0);
        put("/api/parties/" + id, update).statusCode(200)
                .body("aliases", contains(tag + " B", tag + " c"));
        given().queryParam("q", tag + " a").get("/api/parties").then().body("total", is(0));
    }

    @Test
    void parentsAndChildrenAndNoCycles() {
        long state = Fixtures.state("State");
        Map<String, Object> ministry = body(unique("Ministry"), "government_body", List.of());
        ministry.put("parentId", state);
        long ministryId = created("/api/parties", ministry);
        Map<String, Object> spokesman = body(unique("Spokesman"), "person", List.of());
        spokesman.put("parentId", ministryId);
        long spokesmanId = created("/api/parties", spokesman);

        given().get("/api/parties/" + state).then().body("children.id", contains((int) ministryId));
        given().queryParam("parentId", ministryId).get("/api/parties").then().body("items.id", contains((int) spokesmanId));

        Map<String, Object> cycle = body((String) given().get("/api/parties/" + state).then().extract().path("name"),
                "state", List.of());
        cycle.put("parentId", spokesmanId);
        put("/api/parties/" + state, cycle).statusCode(422).body("field", is("parentId"));
        Fixtures.delete("/api/parties/" + state).statusCode(409);
    }

    @Test
    void datedMembershipsOfGroups() {
        long member = Fixtures.state("Member");
        long coalition = Fixtures.party("Coalition", "coalition");
        String path = "/api/parties/" + member + "/memberships";
        long membership = created(path, Map.of("groupId", coalition, "from", "2014-09-22", "role", "member"));
        post(path, Map.of("groupId", coalition, "from", "2014-09-22")).statusCode(409).body("field", is("groupId"));
        post(path, Map.of("groupId", coalition, "from", "2015-01-01", "to", "2014-01-01")).statusCode(422)
                .body("field", is("to"));
        post(path, Map.of("groupId", member)).statusCode(422).body("field", is("groupId"));
        post(path, Map.of("groupId", 99999999)).statusCode(422).body("field", is("groupId"));

        given().get("/api/parties/" + member).then()
                .body("memberships", hasSize(1))
                .body("memberships[0].group.id", is((int) coalition))
                .body("memberships[0].from", is("2014-09-22"));
        given().get("/api/parties/" + coalition).then().body("members.member.id", contains((int) member));

        put(path + "/" + membership, Map.of("groupId", coalition, "from", "2014-09-22", "to", "2019-12-31", "version", 0))
                .statusCode(200).body("to", is("2019-12-31"));
        Fixtures.delete("/api/parties/" + coalition).statusCode(409);
        given().header("If-Match", "\"1\"").delete(path + "/" + membership).then().statusCode(204);
        given().get("/api/parties/" + member).then().body("memberships", empty());
        Fixtures.delete("/api/parties/" + Fixtures.state("Other") + "/memberships/" + membership).statusCode(404);
    }

    @Test
    void deletingAPartyTakesItsAliasesAndOwnMembershipsAlong() throws Exception {
        String tag = unique("Short-lived");
        long id = created("/api/parties", body(tag, "person", List.of(tag + " alias")));
        created("/api/parties/" + id + "/memberships", Map.of("groupId", Fixtures.party("Club", "coalition")));
        Fixtures.delete("/api/parties/" + id).statusCode(204);
        try (var connection = TestDatabase.connect();
                var statement = connection.prepareStatement(
                        "select (select count(*) from party_alias where party_id = ?) + (select count(*) from party_membership where member_id = ?)")) {
            statement.setLong(1, id);
            statement.setLong(2, id);
            var rows = statement.executeQuery();
            rows.next();
            org.junit.jupiter.api.Assertions.assertEquals(0, rows.getLong(1));
        }
    }

    @Test
    void aPartyThatMadeClaimsCannotBeDeleted() {
        long article = Fixtures.article("The army said rebels shelled the market.", LocalDate.of(2021, 2, 2));
        long army = Fixtures.party("Army", "armed_force");
        Fixtures.claim(army, null, article, "rebels shelled the market", LocalDate.of(2021, 2, 1));
        Fixtures.delete("/api/parties/" + army).statusCode(409)
                .body("detail", containsString("claimant"));
    }

    @Test
    void kindsAreTheDomainVocabulary() {
        post("/api/parties", body(unique("P"), "nation", List.of())).statusCode(400).body("field", is("kind"))
                .body("detail", containsString("government_body"));
        given().get("/api/parties?kind=person&size=1").then().statusCode(200);
        given().get("/api/parties?kind=people").then().statusCode(400);
        given().get("/api/parties/" + Fixtures.state("S")).then().body("children", empty())
                .body("members", empty()).body("aliases", containsInAnyOrder());
    }
}
