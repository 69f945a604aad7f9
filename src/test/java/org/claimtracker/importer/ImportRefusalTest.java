package org.claimtracker.importer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.claimtracker.support.Logins;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Imports refused for what they hold, over HTTP: a line of hundreds of megabytes (streamed as it
 * is made, never held by the test), and a row the database refuses although the checks passed.
 * Either way a 422 problem names the line, in the tracker's words, and nothing is written.
 */
@QuarkusTest
class ImportRefusalTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpRequest.Builder importRequest(String query) {
        return HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/import" + query))
                .header("Authorization", "Bearer " + Logins.token(Logins.ANALYST, Logins.ANALYST_PASSWORD))
                .header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(10));
    }

    private static int partiesNamed(String name) {
        return given().queryParam("q", name).when().get("/api/parties").then().statusCode(200).extract().jsonPath().getInt("total");
    }

    /**
     * 500 MB in one line, then a good line: the tracker (512 MB of heap at most in production; the
     * test JVM has 1 GB) reads through it and answers 422 naming line 1, where it used to run out of
     * memory.
     */
    @Test
    void aLineOfFiveHundredMegabytesIsRefusedWithItsLineNumber() throws Exception {
        String k = UUID.randomUUID().toString().substring(0, 8);
        Filler body = new Filler("{\"type\":\"party\",\"name\":\"", 500L * 1024 * 1024, 'a', "\",\"kind\":\"state\"}\n"
                + "{\"type\":\"party\",\"name\":\"After " + k + "\",\"kind\":\"state\"}\n");
        HttpResponse<String> answer = CLIENT.send(importRequest("").POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(422, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals(1, problem.getInt("errors[0].line"));
        assertTrue(problem.getString("errors[0].message").contains("longer than 8,388,608 characters"), answer.body());
        assertTrue(problem.getString("detail").contains("body line 1"), answer.body());
        assertEquals(1, problem.getInt("badRows"));
        assertEquals(0, partiesNamed("After " + k), "nothing was imported");
    }

    /**
     * Two imports of the same outlet at once: the second's checks pass while the first has not
     * committed, then the database refuses its insert. The test holds the first import's place with
     * an uncommitted row of its own, waits until the import is blocked on it, then commits.
     */
    @Test
    void aRowTheDatabaseRefusesIsExplainedInTheTrackersWords() throws Exception {
        String name = "Raced outlet " + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"type\":\"party\",\"name\":\"Raced party " + name + "\",\"kind\":\"state\"}\n"
                + "{\"type\":\"outlet\",\"name\":\"" + name + "\",\"kind\":\"blog\"}\n";
        HttpResponse<String> answer;
        try (Connection first = TestDatabase.connect()) {
            first.setAutoCommit(false);
            try (PreparedStatement insert = first.prepareStatement(
                    "insert into outlet (name, kind, created_by, updated_by) values (?, 'blog', 'test', 'test')")) {
                insert.setString(1, name);
                insert.executeUpdate();
            }
            CompletableFuture<HttpResponse<String>> second = CLIENT.sendAsync(
                    importRequest("").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            waitUntilAnInsertWaitsForALock(second);
            first.commit();
            answer = second.get(5, TimeUnit.MINUTES);
        }
        assertEquals(422, answer.statusCode(), answer.body());
        JsonPath problem = JsonPath.from(answer.body());
        String message = problem.getString("errors[0].message");
        assertEquals(2, problem.getInt("errors[0].line"), answer.body());
        assertEquals("name", problem.getString("errors[0].field"));
        assertTrue(message.startsWith("An outlet row could not be stored: an outlet with this name already exists"), message);
        for (String raw : new String[] {"outlet_name_key", "duplicate key", "violates", "constraint", "ERROR"}) {
            assertFalse(answer.body().contains(raw), raw + " in " + answer.body());
        }
        assertEquals(0, partiesNamed("Raced party " + name), "nothing was imported");
    }

    private static void waitUntilAnInsertWaitsForALock(CompletableFuture<?> importing) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try (Connection watcher = TestDatabase.connect();
                PreparedStatement waiting = watcher.prepareStatement("""
                        select count(*) from pg_stat_activity
                         where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into outlet%'""")) {
            while (true) {
                try (ResultSet row = waiting.executeQuery()) {
                    row.next();
                    if (row.getInt(1) > 0) {
                        return;
                    }
                }
                if (importing.isDone() || System.nanoTime() > deadline) {
                    throw new AssertionError("the import never waited for the uncommitted outlet: " + importing);
                }
                Thread.sleep(50);
            }
        }
    }
}
