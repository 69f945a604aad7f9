package org.claimtracker.support;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The starter accounts of the test profile (see application.properties). Registered as a Quarkus
 * test callback (so it runs in the tests' own class loader), it makes every test's REST calls with
 * the analyst's bearer token unless the test says otherwise with {@code given().auth()}.
 */
public class Logins implements QuarkusTestBeforeEachCallback {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String ANALYST = "analyst";
    public static final String ANALYST_PASSWORD = "analyst-test-password";
    public static final String VIEWER = "viewer";
    public static final String VIEWER_PASSWORD = "viewer-test-password";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.oauth2(token(ANALYST, ANALYST_PASSWORD));
    }

    /** A bearer token of the account, made once per test run through POST /api/tokens. */
    public static String token(String username, String password) {
        // The callback may run before RestAssured knows the test port, so the address is given here.
        return TOKENS.computeIfAbsent(username, name -> RestAssured.given().baseUri(TestHTTPResourceManager.getUri())
                .auth().none().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", password, "name", "tests"))
                .post("/api/tokens").then().statusCode(201).extract().jsonPath().getString("token"));
    }

    public static String adminToken() {
        return token(ADMIN, ADMIN_PASSWORD);
    }

    public static String viewerToken() {
        return token(VIEWER, VIEWER_PASSWORD);
    }
}
