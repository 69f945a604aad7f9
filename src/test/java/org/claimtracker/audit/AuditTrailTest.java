package org.claimtracker.audit;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** Every change is recorded in the same transaction, with who, when and the values before and after. */
@QuarkusTest
class AuditTrailTest {

    private static long single(String sql, Object... parameters) throws Exception {
        try (Connection connection = TestDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            ResultSet rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void createUpdateAndDeleteAreRecordedAndTheDeletedRecordStaysTraceable() {
        String name = unique("Audited");
        long id = created("/api/outlets", Map.of("name", name, "kind", "blog"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", name + " renamed", "kind", "blog", "country", "FR"))
                .put("/api/outlets/" + id).then().statusCode(200);
        given().auth().oauth2(Logins.adminToken()).header("If-Match", "\"1\"")
                .delete("/api/outlets/" + id).then().statusCode(204);

        given().get("/api/outlets/" + id).then().statusCode(404);
        given().get("/api/outlets/" + id + "/history").then().statusCode(200)
                .body("total", is(3))
                .body("items.action", contains("insert", "update", "delete"))
                .body("items.actor", contains(Logins.ANALYST, Logins.ANALYST, Logins.ADMIN))
                .body("items[0].before", nullValue())
                .body("items[0].after.name", is(name))
                .body("items[1].before.name", is(name))
                .body("items[1].after.name", is(name + " renamed"))
                .body("items[1].changed", contains("country", "name"))
                .body("items[2].before.name", is(name + " renamed"))
                .body("items[2].after", nullValue());
    }

    @Test
    void aClaimsHistoryIncludesItsSources() {
        LocalDate day = LocalDate.of(2018, 5, 5);
        long article = Fixtures.article("The army said jets hit the bridge.", day);
        long claim = Fixtures.claim(Fixtures.state("Army"), null, article, "jets hit the bridge", day);
        given().get("/api/claims/" + claim + "/history").then().statusCode(200)
                .body("items.table", contains("claim", "claim_source"))
                .body("items[1].after.quote", is("jets hit the bridge"));
        given().get("/api/claims/987654321/history").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void articleTextIsKeptWhenItChangesButNotRepeatedWhenItDoesNot() {
        String text = unique("First text.");
        Map<String, Object> body = Fixtures.articleBody(Fixtures.outlet(), text, LocalDate.of(2018, 1, 1));
        long id = created("/api/articles", body);
        body.put("title", unique("New title"));
        Fixtures.put("/api/articles/" + id, body).statusCode(200);
        body.put("text", text + " Corrected.");
        Fixtures.put("/api/articles/" + id, body).statusCode(200);
        given().get("/api/articles/" + id + "/history").then().statusCode(200)
                .body("items[0].after.content_hash", not(nullValue()))
                .body("items[0].after.body", nullValue())
                .body("items[1].changed", hasItem("title"))
                .body("items[1].after.body", nullValue())
                .body("items[2].before.body", is(text))
                .body("items[2].after.body", is(text + " Corrected."));
    }

    @Test
    void aFailedWriteLeavesNoTraceAndPasswordsNeverEnterTheTrail() throws Exception {
        long before = single("select count(*) from audit_log");
        long article = Fixtures.article("Officials said nothing.", LocalDate.of(2018, 1, 1));
        long afterSetup = single("select count(*) from audit_log");
        Map<String, Object> bad = Fixtures.claimBody(Fixtures.state("S"), null, article, "not in the text", LocalDate.of(2018, 1, 1));
        long withParty = single("select count(*) from audit_log");
        given().contentType(ContentType.JSON).body(bad).post("/api/claims").then().statusCode(422);
        assertEquals(withParty, single("select count(*) from audit_log"));
        assertEquals(2, afterSetup - before, "an outlet and an article");
        assertEquals(0, single("select count(*) from audit_log where table_name = 'account'"
                + " and jsonb_exists(coalesce(after, before), 'password_hash')"));
        assertEquals(3, single("select count(*) from audit_log where table_name = 'account' and action = 'insert'"
                + " and actor = 'starter-accounts'"));
    }

    /**
     * The account is named to a pooled connection only when it changes (ActorOnConnection): accounts
     * taking turns, with refused writes (rolled back) in between, must each still be named.
     */
    @Test
    void accountsTakingTurnsAreEachNamedEvenAroundRolledBackWrites() {
        String admin = Logins.adminToken();
        String taken = unique("Taken name");
        created("/api/outlets", Map.of("name", taken, "kind", "blog"));
        for (int turn = 0; turn < 8; turn++) {
            boolean byAdmin = turn % 2 == 0;
            var request = byAdmin ? given().auth().oauth2(admin) : given();
            // A refused write first (the name is taken: the database refuses it and the transaction rolls back).
            (byAdmin ? given() : given().auth().oauth2(admin)).contentType(ContentType.JSON)
                    .body(Map.of("name", taken, "kind", "blog")).post("/api/outlets").then().statusCode(409);
            long id = request.contentType(ContentType.JSON).body(Map.of("name", unique("Turn " + turn), "kind", "blog"))
                    .post("/api/outlets").then().statusCode(201).extract().jsonPath().getLong("id");
            given().get("/api/outlets/" + id + "/history").then().statusCode(200)
                    .body("items.actor", contains(byAdmin ? Logins.ADMIN : Logins.ANALYST));
        }
    }

    @Test
    void aChangeMadeDirectlyInSqlIsRecordedAsTheDatabaseRole() throws Exception {
        long id = created("/api/outlets", Map.of("name", unique("Edited in SQL"), "kind", "blog"));
        try (Connection connection = TestDatabase.connect();
                PreparedStatement statement = connection.prepareStatement("update outlet set notes = 'fixed by hand' where id = ?")) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
        given().get("/api/outlets/" + id + "/history").then()
                .body("items[1].actor", is("db:" + TestDatabase.settings().appRole()))
                .body("items[1].changed", is(List.of("notes")));
    }
}
