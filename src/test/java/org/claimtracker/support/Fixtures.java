package org.claimtracker.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds test data through the REST API, each record with a unique name, so that tests never
 * depend on each other's rows or on the seed dataset.
 */
public final class Fixtures {

    public static final LocalDate DAY = LocalDate.of(2020, 3, 10);

    private Fixtures() {
    }

    public static String unique(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /**
     * POSTs the body to {@code path} (a list's address) and checks that the answer is what a GET of the
     * new record reads, field for field; answers it.
     */
    public static JsonPath createdAsRead(String path, Object body) {
        JsonPath created = post(path, body).statusCode(201).extract().jsonPath();
        JsonPath read = given().get(path + "/" + created.getLong("id")).then().statusCode(200).extract().jsonPath();
        assertEquals(read.getMap("$"), created.getMap("$"));
        return created;
    }

    /**
     * PUT with If-Match: the "version" the test gives in its map (the version it read, which is not
     * part of the body the API takes) when there is one, else the record's current ETag.
     */
    public static ValidatableResponse put(String path, Object body) {
        Object version = body instanceof Map<?, ?> map ? map.get("version") : null;
        String ifMatch = version != null ? "\"" + version + "\"" : currentTag(path);
        Object sent = body;
        if (version != null) {
            Map<Object, Object> without = new HashMap<>((Map<?, ?>) body);
            without.remove("version");
            sent = without;
        }
        return given().contentType(ContentType.JSON).header("If-Match", ifMatch).body(sent).when().put(path).then();
    }

    /** DELETE with If-Match set to the record's current ETag (version 0 when it cannot be read). */
    public static ValidatableResponse delete(String path) {
        return given().header("If-Match", currentTag(path)).when().delete(path).then();
    }

    private static String currentTag(String path) {
        String etag = given().get(path).then().extract().header("ETag");
        return etag == null ? "\"0\"" : etag;
    }

    /**
     * POSTs two bodies from {@code body} with one new ref: the first is recorded, the second refused
     * with 409 naming the ref; answers the refused body (with its ref).
     */
    public static Map<String, Object> refusedForTakenRef(String path, java.util.function.Supplier<Map<String, Object>> body) {
        String ref = unique("taken").replace(' ', '-');
        Map<String, Object> first = body.get();
        first.put("ref", ref);
        post(path, first).statusCode(201);
        Map<String, Object> again = body.get();
        again.put("ref", ref);
        post(path, again).statusCode(409).body("field", org.hamcrest.Matchers.is("ref"));
        return again;
    }

    public static long created(String path, Object body) {
        return post(path, body).statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long outlet() {
        return created("/api/outlets", Map.of("name", unique("Outlet"), "kind", "news_site"));
    }

    public static Map<String, Object> articleBody(long outletId, String text, LocalDate publishedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("outletId", outletId);
        body.put("title", unique("Article"));
        body.put("authors", List.of("A. Writer"));
        body.put("publishedOn", publishedOn.toString());
        body.put("language", "en");
        body.put("text", text);
        return body;
    }

    /** An article whose text is {@code text} followed by a unique marker (texts are unique). */
    public static long article(String text, LocalDate publishedOn) {
        return created("/api/articles", articleBody(outlet(), text + "\n\n[" + UUID.randomUUID() + "]", publishedOn));
    }

    public static long party(String base, String kind) {
        return created("/api/parties", Map.of("name", unique(base), "kind", kind));
    }

    public static long state(String base) {
        return party(base, "state");
    }

    public static long incident() {
        return created("/api/incidents", Map.of("title", unique("Strike"), "occurredOn", DAY.toString(), "place", "Village V"));
    }

    public static Map<String, Object> claimBody(long claimantId, Long addressedId, long articleId, String quote,
            LocalDate statedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("claimantId", claimantId);
        if (addressedId != null) {
            body.put("addressedPartyId", addressedId);
        }
        body.put("proposition", unique("Jets bombed the village"));
        body.put("kind", "attack_attribution");
        body.put("statedOn", statedOn.toString());
        body.put("sources", List.of(Map.of("articleId", articleId, "quote", quote)));
        return body;
    }

    /**
     * Fills every optional part of a claim's body that takes a plain value or an id: the ref, the
     * speaker, the incident, a casualty range (3 to 9, kind casualties), a grading and its note.
     */
    public static Map<String, Object> withEveryPart(Map<String, Object> body, String ref, long speakerId, long incidentId,
            String gradingNote) {
        body.put("ref", ref);
        body.put("speakerId", speakerId);
        body.put("incidentId", incidentId);
        body.put("kind", "casualties");
        body.put("casualtiesLow", 3);
        body.put("casualtiesHigh", 9);
        body.put("grading", "weak");
        body.put("gradingNote", gradingNote);
        return body;
    }

    public static long claim(long claimantId, Long addressedId, long articleId, String quote, LocalDate statedOn) {
        return created("/api/claims", claimBody(claimantId, addressedId, articleId, quote, statedOn));
    }

    public static Map<String, Object> responseBody(long claimId, long partyId, String stance, LocalDate statedOn,
            long articleId, String quote) {
        Map<String, Object> body = new HashMap<>();
        body.put("claimId", claimId);
        body.put("partyId", partyId);
        body.put("stance", stance);
        body.put("statedOn", statedOn.toString());
        body.put("source", Map.of("articleId", articleId, "quote", quote));
        return body;
    }

    public static long response(long claimId, long partyId, String stance, LocalDate statedOn, long articleId,
            String quote) {
        return created("/api/responses", responseBody(claimId, partyId, stance, statedOn, articleId, quote));
    }
}
