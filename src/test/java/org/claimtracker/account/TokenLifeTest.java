package org.claimtracker.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Accounts;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A token made with a token lives no longer than its parent; tokens can all be revoked at once; there are not too many. */
@QuarkusTest
class TokenLifeTest {

    private static final String PASSWORD = "token-test-password";

    private static JsonPath mint(String with, int days) {
        return given().auth().oauth2(with).contentType(ContentType.JSON).body(Map.of("name", "child", "days", days))
                .post("/api/tokens").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aTokenMadeWithATokenExpiresNoLaterThanItsParentAndIsRevokedWithIt() {
        String username = Accounts.create("viewer", PASSWORD);
        TokenDetail parent = Arc.container().instance(TokenService.class).get().issue(username, new TokenRequest("parent", 1));

        JsonPath child = mint(parent.token(), 365);
        assertEquals(parent.id(), child.getLong("parentId"));
        OffsetDateTime childExpires = OffsetDateTime.parse(child.getString("expiresAt"));
        assertFalse(childExpires.isAfter(parent.expiresAt()), childExpires + " after " + parent.expiresAt());
        JsonPath grandchild = mint(child.getString("token"), 365);
        assertFalse(OffsetDateTime.parse(grandchild.getString("expiresAt")).isAfter(parent.expiresAt()));
        String unrelated = Accounts.token(username);
        given().auth().oauth2(grandchild.getString("token")).get("/api/parties").then().statusCode(200);

        given().auth().oauth2(unrelated).delete("/api/tokens/" + parent.id()).then().statusCode(204);
        given().auth().oauth2(parent.token()).get("/api/parties").then().statusCode(401);
        given().auth().oauth2(child.getString("token")).get("/api/parties").then().statusCode(401);
        given().auth().oauth2(grandchild.getString("token")).get("/api/parties").then().statusCode(401);
        given().auth().oauth2(unrelated).get("/api/parties").then().statusCode(200);
    }

    @Test
    void revokingAllEndsEveryTokenOfTheAccountAndNoOtherAccounts() {
        String username = Accounts.create("viewer", PASSWORD);
        List<String> tokens = List.of(Accounts.token(username), Accounts.token(username), Accounts.token(username));
        String someoneElse = Accounts.token(Accounts.create("viewer", PASSWORD));
        for (String token : tokens) {
            given().auth().oauth2(token).get("/api/parties").then().statusCode(200);
        }
        given().auth().oauth2(someoneElse).get("/api/parties").then().statusCode(200);

        given().auth().oauth2(tokens.get(1)).delete("/api/tokens").then().statusCode(204);
        for (String token : tokens) {
            given().auth().oauth2(token).get("/api/parties").then().statusCode(401);
        }
        given().auth().oauth2(someoneElse).get("/api/parties").then().statusCode(200);
    }

    @Test
    void anAccountHasABoundedNumberOfLiveTokens() {
        int max = ConfigProvider.getConfig().getValue("tracker.tokens.max-per-account", Integer.class);
        String username = Accounts.create("viewer", PASSWORD);
        List<String> tokens = new ArrayList<>();
        tokens.add(Accounts.token(username));
        while (tokens.size() < max) {
            tokens.add(mint(tokens.get(0), 1).getString("token"));
        }
        given().auth().oauth2(tokens.get(0)).contentType(ContentType.JSON).body(Map.of("name", "one too many"))
                .post("/api/tokens").then().statusCode(409).contentType("application/problem+json")
                .body("status", is(409));
        long last = given().auth().oauth2(tokens.get(0)).get("/api/tokens?size=1").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        given().auth().oauth2(tokens.get(0)).delete("/api/tokens/" + last).then().statusCode(204);
        mint(tokens.get(0), 1);
    }
}
