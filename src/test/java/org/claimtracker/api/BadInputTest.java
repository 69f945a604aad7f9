package org.claimtracker.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sends every write endpoint every kind of bad input. Every answer must be a 4xx problem document
 * without a stack trace or class name, and the database must be exactly as it was (checked).
 */
@QuarkusTest
class BadInputTest {

    private static final LocalDate DAY = LocalDate.of(2016, 10, 19);
    private static final String TEXT = "The ministry said two jets struck the depot. The army denied it.";
    private static final Set<String> PATTERNED = Set.of("domain", "country", "url", "ref", "language");
    private static final Set<String> ENUMS = Set.of("kind", "stance", "precision", "grading");
    private static final List<String> INJECTIONS = List.of("1 OR 1=1", "'; drop table claim; --",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "../../etc/passwd");

    private record Endpoint(String method, String path, Map<String, Object> body) {
        String name() {
            return method + " " + path;
        }
    }

    private final List<String> failures = new ArrayList<>();
    private List<Endpoint> endpoints;

    @BeforeEach
    void records() {
        long outlet = Fixtures.outlet();
        long article = Fixtures.created("/api/articles", Fixtures.articleBody(outlet, TEXT + " " + Fixtures.unique(""), DAY));
        long ministry = Fixtures.party("Ministry", "government_body");
        long army = Fixtures.party("Army", "armed_force");
        long coalition = Fixtures.party("Coalition", "coalition");
        long incident = Fixtures.incident();
        long claim = Fixtures.claim(ministry, army, article, "two jets struck the depot", DAY);
        long response = Fixtures.response(claim, army, "denies", DAY, article, "The army denied it.");
        long membership = Fixtures.created("/api/parties/" + army + "/memberships", Map.of("groupId", coalition));

        Map<String, Object> outletBody = body("name", Fixtures.unique("Outlet"), "kind", "news_site", "domain", "news.example",
                "country", "GB", "notes", "n");
        Map<String, Object> articleBody = body("outletId", outlet, "title", "T", "authors", List.of("A"), "publishedOn",
                DAY.toString(), "url", "https://x.example/a", "language", "en", "text", Fixtures.unique("Some text"),
                "republishedFromOutletId", outlet, "notes", "n");
        Map<String, Object> partyBody = body("name", Fixtures.unique("Party"), "kind", "state", "aliases",
                List.of(Fixtures.unique("alias")), "parentId", coalition, "description", "d");
        Map<String, Object> membershipBody = body("groupId", coalition, "from", "2014-01-01", "to", "2015-01-01",
                "role", "member", "note", "n");
        Map<String, Object> incidentBody = body("title", "Strike", "occurredOn", DAY.toString(), "precision", "day",
                "place", "V", "latitude", 36.5, "longitude", 37.1, "ref", "r-" + System.nanoTime(), "description", "d");
        Map<String, Object> claimBody = body("claimantId", ministry, "addressedPartyId", army, "speakerId", ministry,
                "proposition", "Jets struck", "kind", "attack_attribution", "statedOn", DAY.toString(), "incidentId", incident,
                "casualtiesLow", 1, "casualtiesHigh", 2, "grading", "weak", "gradingNote", "g",
                "sources", List.of(Map.of("articleId", article, "quote", "two jets struck the depot")));
        Map<String, Object> responseBody = body("claimId", claim, "partyId", army, "speakerId", army, "stance", "denies",
                "statedOn", DAY.toString(), "source", Map.of("articleId", article, "quote", "The army denied it."),
                "counterClaimId", null, "note", "n");
        responseBody.remove("counterClaimId");

        endpoints = Stream.of(
                writes("/api/outlets", outletBody, outlet, outlet),
                writes("/api/articles", articleBody, article, article),
                writes("/api/parties", partyBody, ministry, army),
                writes("/api/parties/" + army + "/memberships", membershipBody, membership, membership),
                writes("/api/incidents", incidentBody, incident, incident),
                writes("/api/claims", claimBody, claim, claim),
                writes("/api/responses", responseBody, response, response))
                .flatMap(List::stream).toList();
    }

    /** A collection's three writes: POST of a new record, PUT of the {@code updated} one, DELETE of the {@code deleted} one. */
    private static List<Endpoint> writes(String collection, Map<String, Object> body, long updated, long deleted) {
        return List.of(
                new Endpoint("POST", collection, body),
                new Endpoint("PUT", collection + "/" + updated, body),
                new Endpoint("DELETE", collection + "/" + deleted, null));
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void everyWriteEndpointRefusesBadInputWithAProblemAndChangesNothing() throws Exception {
        String before = snapshot();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.body() == null) {
                deleteCases(endpoint);
            } else {
                bodyCases(endpoint);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before, snapshot(), "the database changed");
    }

    private void deleteCases(Endpoint e) {
        expect(e, "without If-Match", given(), null, 428);
        expect(e, "a stale If-Match", given().header("If-Match", "\"99\""), null, 412);
        expect(e, "a malformed If-Match", given().header("If-Match", "'; drop table claim; --"), null, 400);
        expect(new Endpoint("DELETE", e.path().replaceAll("/\\d+$", "/987654321"), null), "an unknown id",
                given().header("If-Match", "\"0\""), null, 404);
        expect(new Endpoint("DELETE", e.path().replaceAll("/\\d+$", "/1%20OR%201=1"), null), "an id that is not a number",
                given().header("If-Match", "\"0\""), null, 404);
    }

    private void bodyCases(Endpoint e) {
        send(e, "malformed JSON", "{\"name\": \"x\",".getBytes(StandardCharsets.UTF_8), 400);
        send(e, "a JSON array", "[1, 2]".getBytes(StandardCharsets.UTF_8), 400);
        send(e, "invalid UTF-8", new byte[] {'{', '"', 'n', 'o', 't', 'e', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, 400);
        send(e, "an empty object (required fields missing)", "{}".getBytes(StandardCharsets.UTF_8), 400);
        expect(e, "text instead of JSON", given().contentType(ContentType.TEXT).body("name=x"), null, 415);
        if (e.method().equals("POST")) {
            byte[] huge = new byte[9 * 1024 * 1024];
            java.util.Arrays.fill(huge, (byte) ' ');
            huge[0] = '{';
            huge[huge.length - 1] = '}';
            send(e, "an oversized body", huge, 413);
        }

        Map<String, Object> unknownField = new LinkedHashMap<>(e.body());
        unknownField.put("id", 5);
        json(e, "an unknown field", unknownField, 400);

        for (String field : e.body().keySet()) {
            Object valid = e.body().get(field);
            with(e, field, "an object instead of a value", Map.of("x", 1), 400);
            if (field.endsWith("Id")) {
                with(e, field, "an unknown id", 987654321, 422);
                with(e, field, "a negative id", -4, 400);
                INJECTIONS.forEach(bad -> with(e, field, "the string " + bad, bad, 400));
            } else if (ENUMS.contains(field)) {
                with(e, field, "an unknown value", "no_such_value", 400);
                INJECTIONS.forEach(bad -> with(e, field, "the string " + bad, bad, 400));
            } else if (valid instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                with(e, field, "an impossible date", "2016-02-30", 400);
                with(e, field, "a date long past", "1066-10-14", 422);
                with(e, field, "a date in the future", "2999-01-01", 422);
                with(e, field, "a number", 20161019, 400);
            } else if (valid instanceof Number) {
                with(e, field, "a word", "many", 400);
                with(e, field, "a value out of range", -100000, 400);
            } else if (valid instanceof String) {
                with(e, field, "an over-long string", "x".repeat(field.equals("text") ? 1_000_001 : 100_001), 400);
                if (PATTERNED.contains(field)) {
                    INJECTIONS.forEach(bad -> with(e, field, "the string " + bad, bad, 400));
                }
            } else if (valid instanceof List<?>) {
                with(e, field, "a list of objects", List.of(Map.of("x", 1)), 400);
            }
        }
        if (e.body().containsKey("sources")) {
            for (String bad : INJECTIONS) {
                Map<String, Object> source = new LinkedHashMap<>(firstSource(e));
                source.put("quote", bad);
                with(e, "sources", "a quote not in the article: " + bad, List.of(source), 422);
            }
            Map<String, Object> shifted = new LinkedHashMap<>(firstSource(e));
            shifted.put("start", 3);
            with(e, "sources", "a quote at the wrong offset", List.of(shifted), 422);
            with(e, "sources", "no source at all", List.of(), 400);
        }
        if (e.body().containsKey("source")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> source = new LinkedHashMap<>((Map<String, Object>) e.body().get("source"));
            source.put("quote", "'; drop table response; --");
            with(e, "source", "a quote not in the article", source, 422);
        }
        if (e.method().equals("PUT")) {
            expect(e, "without If-Match", given().contentType(ContentType.JSON).body(e.body()), null, 428);
            expect(e, "a stale If-Match", given().contentType(ContentType.JSON).header("If-Match", "\"99\"").body(e.body()),
                    null, 412);
            expect(new Endpoint("PUT", e.path().replaceAll("/\\d+$", "/987654321"), e.body()), "an unknown id",
                    given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(e.body()), null, 404);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstSource(Endpoint e) {
        return (Map<String, Object>) ((List<?>) e.body().get("sources")).get(0);
    }

    private void with(Endpoint e, String field, String what, Object value, int status) {
        Map<String, Object> body = new LinkedHashMap<>(e.body());
        body.put(field, value);
        json(e, field + ": " + what, body, status);
    }

    private void json(Endpoint e, String what, Map<String, Object> body, int status) {
        expect(e, what, writable(e, given().contentType(ContentType.JSON).body(body)), null, status);
    }

    private void send(Endpoint e, String what, byte[] raw, int status) {
        expect(e, what, writable(e, given().contentType("application/json").body(raw)), null, status);
    }

    private final Map<String, String> etags = new java.util.HashMap<>();

    /**
     * A PUT carries the record's current ETag, so that what is tested is the body (a membership,
     * which has no address of its own to read, is at its first version).
     */
    private RequestSpecification writable(Endpoint e, RequestSpecification request) {
        if (e.method().equals("PUT")) {
            String etag = etags.computeIfAbsent(e.path(), path -> given().get(path).then().extract().header("ETag"));
            request = request.header("If-Match", etag == null ? "\"0\"" : etag);
        }
        return request;
    }

    private void expect(Endpoint e, String what, RequestSpecification request, Consumer<Response> more, int status) {
        Response response = request.request(e.method(), e.path());
        String label = e.name() + " with " + what;
        int actual = response.statusCode();
        if (actual != status) {
            failures.add(label + ": expected " + status + ", got " + actual + " " + shorten(response.asString()));
            return;
        }
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            failures.add(label + ": content type " + type);
        }
        String text = response.asString();
        if (text.contains("Exception") || text.contains("org.") || text.contains("\tat ") || text.contains("java.")) {
            failures.add(label + ": the answer names code: " + shorten(text));
        }
        if (more != null) {
            more.accept(response);
        }
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String snapshot() throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("""
                    select concat_ws(',', (select count(*) from outlet), (select count(*) from article),
                        (select count(*) from party), (select count(*) from party_alias), (select count(*) from party_membership),
                        (select count(*) from incident), (select count(*) from claim), (select count(*) from claim_source),
                        (select count(*) from response), (select count(*) from account), (select count(*) from audit_log),
                        (select coalesce(max(id), 0) from audit_log))
                    """);
            rows.next();
            return rows.getString(1);
        }
    }
}
