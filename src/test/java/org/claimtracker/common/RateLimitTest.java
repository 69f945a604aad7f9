package org.claimtracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One client may not call the API faster than its allowance; every answer says where it stands. */
@QuarkusTest
@TestProfile(RateLimitTest.FiveAMinute.class)
class RateLimitTest {

    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tracker.rate-limit.per-minute", "5");
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
}
