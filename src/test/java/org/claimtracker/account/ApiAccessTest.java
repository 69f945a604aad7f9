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

/** REST clients authenticate with HTTP Basic; reading needs viewer, writing needs analyst. */
@QuarkusTest
class ApiAccessTest {

    @Test
    void anonymousClientsAreAskedToAuthenticate() {
        given().auth().none().get("/api/parties").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().none().get("/api/reports").then().statusCode(401);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "blog"))
                .post("/api/outlets").then().statusCode(401);
    }

    @Test
    void wrongPasswordsAreRefused() {
        given().auth().preemptive().basic(Logins.ANALYST, "not-the-password").get("/api/parties").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().preemptive().basic("nobody", "whatever-password").get("/api/parties").then().statusCode(401);
    }

    @Test
    void aViewerReadsButCannotWrite() {
        given().auth().preemptive().basic(Logins.VIEWER, Logins.VIEWER_PASSWORD).get("/api/parties").then().statusCode(200);
        given().auth().preemptive().basic(Logins.VIEWER, Logins.VIEWER_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Viewer's outlet"), "kind", "blog"))
                .post("/api/outlets").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void changesAreRecordedWithTheAccountThatMadeThem() {
        given().auth().preemptive().basic(Logins.ADMIN, Logins.ADMIN_PASSWORD).contentType(ContentType.JSON)
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
