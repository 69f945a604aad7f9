package org.claimtracker.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** REST clients authenticate with bearer tokens; reading needs viewer, writing needs analyst. */
@QuarkusTest
class ApiAccessTest {

    @Test
    void anonymousClientsAreAskedToAuthenticate() {
        given().auth().none().get("/api/parties").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("./tracker token"))
                .body("detail", containsString("/admin/tokens"));
        given().auth().none().get("/api/reports").then().statusCode(401);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "blog"))
                .post("/api/outlets").then().statusCode(401);
    }

    @Test
    void unknownTokensAndPasswordsAreRefused() {
        given().auth().oauth2("ctk_not-a-token").get("/api/parties").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().preemptive().basic(Logins.ANALYST, Logins.ANALYST_PASSWORD).get("/api/parties").then()
                .statusCode(401);
        given().auth().none().contentType(ContentType.JSON)
                .body(Map.of("username", Logins.ANALYST, "password", Logins.ANALYST_PASSWORD))
                .post("/api/tokens").then().statusCode(401);
    }

    @Test
    void aTokenMintsAnotherAndWorksUntilItIsRevoked() {
        String token = given().auth().oauth2(Logins.viewerToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "laptop", "days", 2))
                .post("/api/tokens").then().statusCode(201)
                .body("name", is("laptop")).body("username", is(Logins.VIEWER))
                .extract().jsonPath().getString("token");
        given().auth().oauth2(token).get("/api/parties").then().statusCode(200);
        long id = given().auth().oauth2(token).get("/api/tokens").then().statusCode(200)
                .body("items[0].token", org.hamcrest.Matchers.nullValue())
                .extract().jsonPath().getLong("items.find { it.name == 'laptop' }.id");
        given().auth().oauth2(token).delete("/api/tokens/" + id).then().statusCode(204);
        given().auth().oauth2(token).get("/api/parties").then().statusCode(401);
        given().auth().oauth2(Logins.viewerToken()).delete("/api/tokens/" + id + "0").then().statusCode(404);
    }

    @Test
    void aViewerReadsButCannotWrite() {
        given().auth().oauth2(Logins.viewerToken()).get("/api/parties").then().statusCode(200);
        given().auth().oauth2(Logins.viewerToken()).contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Viewer's outlet"), "kind", "blog"))
                .post("/api/outlets").then().statusCode(403).contentType("application/problem+json");
    }

    /**
     * Every kind of record inherits its writes and its history from one base resource: the roles it
     * requires hold for each kind (a viewer is refused before the record is even looked up).
     */
    @ParameterizedTest
    @ValueSource(strings = {"outlets", "articles", "parties", "incidents", "claims", "responses"})
    void everyKindRefusesAViewerItsWritesAndAnAnonymousClientItsHistory(String kind) {
        String viewer = Logins.viewerToken();
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body(Map.of())
                .post("/api/" + kind).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(viewer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of())
                .put("/api/" + kind + "/1").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(viewer).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of()).patch("/api/" + kind + "/1").then().statusCode(403);
        given().auth().oauth2(viewer).header("If-Match", "\"0\"").delete("/api/" + kind + "/1").then().statusCode(403);
        given().auth().none().get("/api/" + kind + "/1/history").then().statusCode(401);
        given().auth().oauth2(viewer).get("/api/" + kind + "/0/history").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void changesAreRecordedWithTheAccountThatMadeThem() {
        given().auth().oauth2(Logins.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Admin's outlet"), "kind", "blog"))
                .post("/api/outlets").then().statusCode(201)
                .body("audit.createdBy", is(Logins.ADMIN)).body("audit.updatedBy", is(Logins.ADMIN));
        Fixtures.post("/api/outlets", Map.of("name", Fixtures.unique("Analyst's outlet"), "kind", "blog"))
                .statusCode(201).body("audit.createdBy", is(Logins.ANALYST));
    }

    @Test
    void healthAndTheApiDescriptionArePublic() {
        given().auth().none().get("/q/health/ready").then().statusCode(200);
        given().auth().none().get("/q/openapi").then().statusCode(200);
    }
}
