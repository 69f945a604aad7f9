package org.claimtracker.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Accounts;
import org.claimtracker.support.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Limits of the HTTP server, with settings tight enough to reach in a test: one client may not call
 * the API faster than its allowance (every answer says where it stands), and a connection on which
 * nothing moves is closed.
 */
@QuarkusTest
@TestProfile(ServerLimitsTest.TightLimits.class)
class ServerLimitsTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tracker.rate-limit.per-minute", "5", "quarkus.http.idle-timeout", "PT5S");
        }
    }

    @Test
    void aClientOverItsAllowanceGets429WithRetryAfter() {
        for (int i = 5; i >= 1; i--) {
            given().get("/api/parties").then().statusCode(200)
                    .header("RateLimit-Limit", is("5"))
                    .header("RateLimit-Remaining", is(String.valueOf(i - 1)))
                    .header("RateLimit-Reset", notNullValue());
        }
        given().get("/api/parties").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", is(429));
        given().auth().none().get("/q/health/live").then().statusCode(200);
    }

    /** A request from an address of its own, so that this test spends no other test's allowance per address. */
    private static RawHttp.Head fromOwnAddress(String authorization) throws Exception {
        try (RawHttp client = RawHttp.connect("127.0.0.40", 0)) {
            return client.get("/api/parties", "Authorization: " + authorization).head();
        }
    }

    @Test
    void spellingTheAuthorizationHeaderDifferentlyDoesNotBuyAnotherAllowance() throws Exception {
        String token = Accounts.token(Accounts.create("viewer", "rate-limit-password"));
        List<String> spellings = List.of("Bearer " + token, "bearer " + token, "BEARER " + token, "Bearer    " + token,
                "bEaReR " + token + "  ");
        for (String spelling : spellings) {
            assertEquals(200, fromOwnAddress(spelling).status(), spelling);
        }
        for (String spelling : spellings) {
            RawHttp.Head refused = fromOwnAddress(spelling);
            assertEquals(429, refused.status(), spelling);
            assertNotNull(refused.header("Retry-After"));
        }
    }

    @Test
    void aConnectionThatSendsNothingMoreIsClosed() throws Exception {
        try (RawHttp halfAHead = RawHttp.connect("127.0.0.41", 0); RawHttp silent = RawHttp.connect("127.0.0.41", 0)) {
            halfAHead.sendRaw("GET /api/parties HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bear");
            assertTrue(halfAHead.closedByServerWithin(60_000), "a request head that stopped half-way");
            assertTrue(silent.closedByServerWithin(60_000), "a connection that never sent anything");
        }
    }
}
