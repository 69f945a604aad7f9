package org.claimtracker.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimtracker.support.Fixtures;
import org.junit.jupiter.api.Test;

/** Versions over HTTP: ETag on reads, If-Match required on writes, stale writes refused with 412. */
@QuarkusTest
class ConcurrentEditTest {

    private static long outlet(String name) {
        return Fixtures.created("/api/outlets", Map.of("name", name, "kind", "blog"));
    }

    private static io.restassured.response.ValidatableResponse rename(long id, String ifMatch, String name) {
        var request = given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "blog"));
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put("/api/outlets/" + id).then();
    }

    @Test
    void readsCarryTheVersionAsETagAndWritesMustSendItBack() {
        String name = Fixtures.unique("Versioned");
        long id = outlet(name);
        given().get("/api/outlets/" + id).then().statusCode(200).header("ETag", "\"0\"");
        rename(id, null, name + " x").statusCode(428).contentType("application/problem+json").body("field", is("If-Match"));
        rename(id, "\"0\"", name + " one").statusCode(200).header("ETag", "\"1\"").body("version", is(1));
        rename(id, "W/\"1\"", name + " two").statusCode(200).header("ETag", "\"2\"");
        rename(id, "\"1\"", name + " stale").statusCode(412).contentType("application/problem+json")
                .body("field", is("version"));
        rename(id, "not-a-tag", name + " bad").statusCode(400).body("field", is("If-Match"));
        given().get("/api/outlets/" + id).then().body("name", is(name + " two"));

        given().delete("/api/outlets/" + id).then().statusCode(428);
        given().header("If-Match", "\"1\"").delete("/api/outlets/" + id).then().statusCode(412);
        given().get("/api/outlets/" + id).then().statusCode(200);
        given().header("If-Match", "\"2\"").delete("/api/outlets/" + id).then().statusCode(204);
    }

    @Test
    void ofTwoEditorsRacingOnOneVersionExactlyOneWinsAndNothingIsOverwritten() throws Exception {
        String name = Fixtures.unique("Raced");
        long id = outlet(name);
        int editors = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String newName = name + " by editor " + i;
            outcomes.add(pool.submit(() -> {
                start.await();
                return rename(id, "\"0\"", newName).extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
        assertEquals(editors - 1, statuses.stream().filter(s -> s == 412).count(), "statuses " + statuses);
        int winner = statuses.indexOf(200);
        given().get("/api/outlets/" + id).then().body("name", is(name + " by editor " + winner)).body("version", is(1));
    }

    @Test
    void changingOnlyAClaimsSourcesStillTakesANewVersion() {
        LocalDate day = LocalDate.of(2019, 3, 3);
        long article = Fixtures.article("One said jets struck. Two said drones struck.", day);
        long claimant = Fixtures.state("Claimant");
        Map<String, Object> body = Fixtures.claimBody(claimant, null, article, "jets struck", day);
        long id = Fixtures.created("/api/claims", body);
        body.put("sources", List.of(Map.of("articleId", article, "quote", "drones struck")));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put("/api/claims/" + id).then()
                .statusCode(200).header("ETag", "\"1\"");
        body.put("sources", List.of(Map.of("articleId", article, "quote", "jets struck")));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put("/api/claims/" + id).then()
                .statusCode(412);
        given().get("/api/claims/" + id).then().body("sources[0].quote", is("drones struck"));
    }
}
