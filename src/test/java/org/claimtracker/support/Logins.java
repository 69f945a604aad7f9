package org.claimtracker.support;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.claimtracker.account.TokenRequest;
import org.claimtracker.account.TokenService;

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
    /** The application the tokens belong to: a test profile restarts it on a new database. */
    private static Object application;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        synchronized (Logins.class) {
            if (application != Arc.container()) {
                TOKENS.clear();
                application = Arc.container();
            }
        }
        RestAssured.authentication = RestAssured.oauth2(token(ANALYST, ANALYST_PASSWORD));
    }

    /**
     * A bearer token of the account, made once per test run the way the command line makes one
     * (the first token of an account does not come from the API).
     */
    public static String token(String username, String password) {
        return TOKENS.computeIfAbsent(username, name -> Arc.container().instance(TokenService.class).get()
                .issue(name, new TokenRequest("tests", null)).token());
    }

    public static String adminToken() {
        return token(ADMIN, ADMIN_PASSWORD);
    }

    public static String viewerToken() {
        return token(VIEWER, VIEWER_PASSWORD);
    }
}
