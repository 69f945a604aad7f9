package org.claimtracker.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.authentication.PreemptiveBasicAuthScheme;

/**
 * The starter accounts of the test profile (see application.properties). Registered as a Quarkus
 * test callback (so it runs in the tests' own class loader), it makes every test's REST calls as
 * the analyst unless the test says otherwise with {@code given().auth()}.
 */
public class Logins implements QuarkusTestBeforeEachCallback {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String ANALYST = "analyst";
    public static final String ANALYST_PASSWORD = "analyst-test-password";
    public static final String VIEWER = "viewer";
    public static final String VIEWER_PASSWORD = "viewer-test-password";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        PreemptiveBasicAuthScheme analyst = new PreemptiveBasicAuthScheme();
        analyst.setUserName(ANALYST);
        analyst.setPassword(ANALYST_PASSWORD);
        RestAssured.authentication = analyst;
    }
}
