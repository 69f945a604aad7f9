package org.claimtracker.annotation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.claimtracker.support.QuotedArticle;
import org.claimtracker.support.RawHttp;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Annotations exported by annotation tools come back as quote candidates: what the tracker exports
 * re-imports to the very same offsets; a position that holds other words is corrected with the
 * quote (prefix and suffix choosing among repeated words); Hypothesis-style rows are read too; and a
 * bad import (not JSON, no article with the URL, selectors found nowhere, 50 MB) is a 4xx problem that
 * stores nothing.
 */
@QuarkusTest
class AnnotationImportTest extends QuotedArticle {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2020, 2, 14);
    private static final String TEXT = "The army said \uD83D\uDD25 drones hit the depot at night. Residents said the drones hit"
            + " the depot twice. The ministry denied that drones hit the depot at all.";

    @BeforeEach
    void data() {
        publishedAt("https://wire.example.net/story/", TEXT, DAY, "Army", "Ministry");
    }

    private static Response importing(Object body) {
        return given().contentType("application/ld+json").body(body).post("/api/annotations/import");
    }

    private static long candidates() {
        try (Connection db = TestDatabase.connect();
                ResultSet rows = db.createStatement().executeQuery("select count(*) from annotation_candidate")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stored(long article) {
        return given().get("/api/articles/" + article).then().statusCode(200).extract().jsonPath().getString("text");
    }

    private static int codePointOf(String text, String words, int nth) {
        int index = -1;
        for (int i = 0; i <= nth; i++) {
            index = text.indexOf(words, index + 1);
        }
        return text.codePointCount(0, index);
    }

    @Test
    void everyExportedAnnotationReimportsToTheSameOffsets() throws Exception {
        Map<String, Object> claimBody = Fixtures.claimBody(claimant, accused, article, "drones hit the depot", DAY);
        claimBody.put("sources", List.of(Map.of("articleId", article, "quote", "drones hit the depot", "start",
                codePointOf(stored(article), "drones hit the depot", 0))));
        long claim = Fixtures.created("/api/claims", claimBody);
        // The same words stand three times: each quote must come back to its own place.
        Fixtures.created("/api/responses", Map.of("claimId", claim, "partyId", accused, "stance", "denies",
                "statedOn", DAY.toString(), "source", Map.of("articleId", article, "quote", "drones hit the depot",
                        "start", codePointOf(stored(article), "drones hit the depot", 2))));
        Fixtures.created("/api/responses", Map.of("claimId", claim, "partyId", claimant, "stance", "asserts",
                "statedOn", DAY.toString(), "source", Map.of("articleId", article, "quote", "the drones hit the depot")));
        String exported = given().get("/api/annotations?articleId=" + article).then().statusCode(200).extract().asString();
        JsonPath export = new JsonPath(exported);
        List<Map<String, Object>> items = export.getList("first.items");
        assertEquals(3, items.size());

        // The collection as served, a list of single annotations, and one page: each re-imports to the same offsets.
        for (String document : List.of(exported, JSON.writeValueAsString(JSON.readTree(exported).path("first").path("items")),
                given().get("/api/annotations?articleId=" + article + "&page=0&size=2").then().extract().asString())) {
            JsonPath answer = importing(document).then().statusCode(200).contentType(containsString("application/json"))
                    .extract().jsonPath();
            int n = answer.getInt("received");
            assertEquals(n, answer.getInt("resolved"), document);
            for (int i = 0; i < n; i++) {
                String at = "outcomes[" + i + "].";
                String exportedAt = "first.items[" + i + "].target.selector[1].";
                assertEquals("resolved", answer.getString(at + "reason"), answer.prettyPrint());
                assertEquals(article, answer.getLong(at + "articleId"));
                assertEquals(export.getInt(exportedAt + "start"), answer.getInt(at + "start"));
                assertEquals(export.getInt(exportedAt + "end"), answer.getInt(at + "end"));
                assertEquals(export.getString("first.items[" + i + "].target.selector[0].exact"), answer.getString(at + "exact"));
                assertEquals(export.getString("first.items[" + i + "].id"), answer.getString(at + "annotation"));
            }
        }
        // Imported three times over: still one candidate per passage.
        try (Connection db = TestDatabase.connect();
                ResultSet rows = db.createStatement().executeQuery("select count(*) from annotation_candidate where article_id = "
                        + article)) {
            rows.next();
            assertEquals(3, rows.getLong(1));
        }
        // Exported again, the tracker's own page IRI names the article as well as its URL does.
        ObjectNode one = (ObjectNode) JSON.readTree(exported).path("first").path("items").get(0).deepCopy();
        String base = one.path("id").asText().substring(0, one.path("id").asText().indexOf("api/annotations/"));
        ((ObjectNode) one.path("target")).put("source", base + "admin/articles/" + article);
        JsonPath own = importing(JSON.writeValueAsString(one)).then().statusCode(200).extract().jsonPath();
        assertEquals(article, own.getLong("outcomes[0].articleId"));
        assertTrue(own.getBoolean("outcomes[0].listedBefore"));
    }

    private ObjectNode annotation(String source, String exact, String prefix, String suffix, Integer start, Integer end) {
        ObjectNode node = JSON.createObjectNode().put("@context", "http://www.w3.org/ns/anno.jsonld")
                .put("id", "urn:uuid:" + UUID.randomUUID()).put("type", "Annotation");
        node.putObject("body").put("type", "TextualBody").put("value", "Check this").put("purpose", "commenting");
        ObjectNode target = node.putObject("target");
        target.put("source", source);
        ArrayNode selectors = target.putArray("selector");
        if (exact != null) {
            ObjectNode q = selectors.addObject().put("type", "TextQuoteSelector").put("exact", exact);
            if (prefix != null) {
                q.put("prefix", prefix);
            }
            if (suffix != null) {
                q.put("suffix", suffix);
            }
        }
        if (start != null) {
            selectors.addObject().put("type", "TextPositionSelector").put("start", start).put("end", end);
        }
        return node;
    }

    @Test
    void aPositionThatHoldsOtherWordsIsCorrectedByTheQuoteAndItsContext() throws Exception {
        String text = stored(article);
        int second = codePointOf(text, "drones hit the depot", 1);
        // Wrong position (0..20), prefix and suffix of the second place: found there.
        ObjectNode moved = annotation(url, "drones hit the depot", "Residents said the ", " twice", 0, 20);
        // No position, only context: the third place.
        ObjectNode byContext = annotation(url, "drones hit the depot", "denied that ", " at all", null, null);
        // No context, a position near the first place but off by two: the nearest place.
        ObjectNode near = annotation(url, "drones hit the depot", null, null, codePointOf(text, "drones hit the depot", 0) + 2,
                codePointOf(text, "drones hit the depot", 0) + 22);
        // The same words, no context and no position: which of the three is meant cannot be told.
        ObjectNode ambiguous = annotation(url, "drones hit the depot", null, null, null, null);
        JsonPath answer = importing(JSON.writeValueAsString(List.of(moved, byContext, near, ambiguous))).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(3, answer.getInt("resolved"), answer.prettyPrint());
        assertEquals("position_corrected", answer.getString("outcomes[0].reason"));
        assertEquals(second, answer.getInt("outcomes[0].start"));
        assertEquals(codePointOf(text, "drones hit the depot", 2), answer.getInt("outcomes[1].start"));
        assertEquals(codePointOf(text, "drones hit the depot", 0), answer.getInt("outcomes[2].start"));
        assertEquals("ambiguous_quote", answer.getString("outcomes[3].reason"));
        assertFalse(answer.getBoolean("outcomes[3].resolved"));
        // Offsets count code points: the first place stands after an astral character.
        assertEquals(text.indexOf("drones") - 1, answer.getInt("outcomes[2].start"));
    }

    @Test
    void aHypothesisExportIsReadWithItsTextAndTags() throws Exception {
        String text = stored(article);
        int start = codePointOf(text, "The ministry denied", 0);
        String hypothesis = """
                {"total": 1, "rows": [{"id": "hyp-1", "uri": "%s", "text": "Denial, same day", "tags": ["denial", "ministry"],
                  "target": [{"source": "%s", "selector": [
                    {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0, "endContainer": "/p[1]", "endOffset": 19},
                    {"type": "TextPositionSelector", "start": %d, "end": %d},
                    {"type": "TextQuoteSelector", "exact": "The ministry denied", "prefix": "twice. ", "suffix": " that"}]}]}]}
                """.formatted(url, url + "#annotations", start, start + 19);
        JsonPath answer = given().contentType("application/json").body(hypothesis).post("/api/annotations/import").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("resolved", answer.getString("outcomes[0].reason"));
        assertEquals(start, answer.getInt("outcomes[0].start"));
        assertEquals("hyp-1", answer.getString("outcomes[0].annotation"));
        try (Connection db = TestDatabase.connect();
                ResultSet rows = db.createStatement().executeQuery("select note, origin, created_by from annotation_candidate"
                        + " where id = " + answer.getLong("outcomes[0].candidateId"))) {
            assertTrue(rows.next());
            assertEquals("Denial, same day\n#denial\n#ministry", rows.getString(1));
            assertEquals("hyp-1", rows.getString(2));
            assertEquals("analyst", rows.getString(3));
        }
    }

    @Test
    void aMixedFileStoresWhatResolvesAndSaysWhyTheRestDoesNot() throws Exception {
        long before = candidates();
        ObjectNode good = annotation(url, "Residents said", null, null, null, null);
        ObjectNode elsewhere = annotation("https://nowhere.example.org/" + UUID.randomUUID(), "drones", null, null, null, null);
        ObjectNode missing = annotation(url, "tanks rolled in", null, null, 3, 18);
        ObjectNode outside = annotation(url, null, null, null, 100000, 100010);
        ObjectNode noSelector = JSON.createObjectNode().put("type", "Annotation").put("target", url);
        ObjectNode page = JSON.createObjectNode().put("@context", "http://www.w3.org/ns/anno.jsonld").put("type", "AnnotationPage");
        page.putArray("items").add(good).add(elsewhere).add(missing).add(outside).add(noSelector);
        JsonPath answer = importing(JSON.writeValueAsString(page)).then().statusCode(200).extract().jsonPath();
        assertEquals(5, answer.getInt("received"));
        assertEquals(1, answer.getInt("resolved"));
        assertEquals(4, answer.getInt("unresolved"));
        assertEquals(List.of("resolved", "unknown_article", "quote_not_found", "position_out_of_range", "no_selector"),
                answer.getList("outcomes.reason"));
        assertEquals(List.of("[0]", "[1]", "[2]", "[3]", "[4]"), answer.getList("outcomes.field"));
        assertTrue(answer.getString("outcomes[2].detail").contains("tanks rolled in"), answer.getString("outcomes[2].detail"));
        assertEquals(before + 1, candidates());
    }

    @Test
    void badImportsAreProblemsAndChangeNothing() throws Exception {
        long before = candidates();
        given().contentType("application/ld+json").body("{\"type\": \"Annotation\", ").post("/api/annotations/import").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("body"))
                .body("detail", containsString("not JSON"));
        given().contentType("application/json").body("\"just a string\"").post("/api/annotations/import").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"title\": \"not an annotation\"}").post("/api/annotations/import")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("type"));
        given().contentType("application/json").body("[]").post("/api/annotations/import").then().statusCode(400);
        given().contentType("text/plain").body("drones").post("/api/annotations/import").then().statusCode(415);
        given().auth().oauth2(Logins.viewerToken()).contentType("application/json").body("[]").post("/api/annotations/import")
                .then().statusCode(403);

        // Another article's URL: its text holds none of these words, so nothing resolves (422) and nothing is stored.
        Map<String, Object> otherBody = Fixtures.articleBody(Fixtures.outlet(), "Unrelated report " + UUID.randomUUID(), DAY);
        String otherUrl = "https://other.example.net/" + UUID.randomUUID();
        otherBody.put("url", otherUrl);
        Fixtures.created("/api/articles", otherBody);
        String wrongArticle = JSON.writeValueAsString(List.of(annotation(otherUrl, "drones hit the depot", "said ", " at", 14, 34),
                annotation("https://nowhere.example.org/x", "drones", null, null, null, null)));
        importing(wrongArticle).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("[0]", "[1]")))
                .body("errors[0].message", containsString("quote_not_found"))
                .body("errors[1].message", containsString("unknown_article"))
                .body("detail", containsString("nothing was imported"));

        // A 50 MB file: refused by the request body limit (8 MB) as soon as its length is declared, before it is read.
        try (RawHttp client = RawHttp.connect()) {
            client.send("POST /api/annotations/import HTTP/1.1", List.of("Authorization: Bearer "
                    + Logins.token(Logins.ANALYST, Logins.ANALYST_PASSWORD), "Content-Type: application/ld+json",
                    "Content-Length: " + 50L * 1024 * 1024), null);
            client.sendRaw("[{\"type\": \"Annotation\", \"target\": \"" + url + "\"");
            RawHttp.Head head = client.head();
            assertEquals(413, head.status());
            assertTrue(head.header("Content-Type").startsWith("application/problem+json"), head.lines().toString());
        }
        // Streamed without a declared length, it is refused too (only the bulk import takes streamed bodies).
        try (RawHttp client = RawHttp.connect()) {
            client.send("POST /api/annotations/import HTTP/1.1", List.of("Authorization: Bearer "
                    + Logins.token(Logins.ANALYST, Logins.ANALYST_PASSWORD), "Content-Type: application/ld+json",
                    "Transfer-Encoding: chunked"), null);
            client.sendRaw("10\r\n[{\"type\": \"Annot\r\n");
            assertEquals(411, client.head().status());
        }
        assertEquals(before, candidates());
    }

    @Test
    void theReaderListsCandidatesWithTheClaimFormPrefilledAndTheyCanBeDismissed() throws Exception {
        String text = stored(article);
        int start = codePointOf(text, "Residents said", 0);
        long id = importing(JSON.writeValueAsString(annotation(url, "Residents said", null, null, start, start + 14))).then()
                .statusCode(200).extract().jsonPath().getLong("outcomes[0].candidateId");
        Map<String, String> session = given().auth().none().redirects().follow(false)
                .formParam("j_username", Logins.ANALYST).formParam("j_password", Logins.ANALYST_PASSWORD)
                .post("/j_security_check").then().extract().cookies();
        Response reader = given().auth().none().cookies(session).get("/admin/articles/" + article);
        assertEquals(200, reader.statusCode());
        String page = reader.asString();
        String link = "/admin/claims/new?articleId=" + article + "&amp;quote=Residents%20said&amp;start=" + start;
        assertTrue(page.contains("id=\"candidate-" + id + "\""), page);
        assertTrue(page.contains(link), page);
        // The link opens the claim form with the quote and its start filled in.
        String form = given().auth().none().urlEncodingEnabled(false).cookies(session).get(link.replace("&amp;", "&")).then()
                .statusCode(200)
                .extract().asString();
        assertTrue(form.contains(">\nResidents said</textarea>") || form.contains(">Residents said</textarea>"), form);
        assertTrue(form.contains("value=\"" + start + "\""), form);

        // Dismissing it (with the form's CSRF fields) takes it off the list.
        Matcher dismiss = Pattern.compile("<form method=\"post\" action=\"/admin/annotation-candidates/" + id
                + "/dismiss\">(.*?)</form>", Pattern.DOTALL).matcher(page);
        assertTrue(dismiss.find(), page);
        var post = given().auth().none().cookies(session).cookies(reader.getCookies()).redirects().follow(false);
        Matcher hidden = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(dismiss.group(1));
        while (hidden.find()) {
            post = post.formParam(hidden.group(1), hidden.group(2));
        }
        post.post("/admin/annotation-candidates/" + id + "/dismiss").then().statusCode(303)
                .header("Location", containsString("/admin/articles/" + article));
        assertFalse(given().auth().none().cookies(session).get("/admin/articles/" + article).asString()
                .contains("candidate-" + id));

        // A passage recorded as a claim's source leaves the list by itself.
        long other = importing(JSON.writeValueAsString(annotation(url, "The ministry denied", null, null, null, null))).then()
                .statusCode(200).extract().jsonPath().getLong("outcomes[0].candidateId");
        assertTrue(given().auth().none().cookies(session).get("/admin/articles/" + article).asString()
                .contains("candidate-" + other));
        Fixtures.claim(accused, claimant, article, "The ministry denied", DAY);
        assertFalse(given().auth().none().cookies(session).get("/admin/articles/" + article).asString()
                .contains("candidate-" + other));
    }

    @Test
    void anAnalystUploadsAnExportInTheAdminPages() throws Exception {
        Map<String, String> session = given().auth().none().redirects().follow(false)
                .formParam("j_username", Logins.ANALYST).formParam("j_password", Logins.ANALYST_PASSWORD)
                .post("/j_security_check").then().extract().cookies();
        Response page = given().auth().none().cookies(session).get("/admin/annotation-candidates/import");
        assertEquals(200, page.statusCode());
        // The multipart body is written whole, with its length, as a browser sends it (streamed bodies are refused: 411).
        String boundary = "----annotations" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder multipart = new StringBuilder();
        Matcher hidden = Pattern.compile("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(page.asString());
        while (hidden.find()) {
            multipart.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(hidden.group(1))
                    .append("\"\r\n\r\n").append(hidden.group(2)).append("\r\n");
        }
        String export = JSON.writeValueAsString(List.of(annotation(url, "Residents said", null, null, null, null),
                annotation("https://nowhere.example.org/" + UUID.randomUUID(), "drones", null, null, null, null)));
        multipart.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.jsonld\"")
                .append("\r\nContent-Type: application/ld+json\r\n\r\n").append(export).append("\r\n--").append(boundary)
                .append("--\r\n");
        long before = candidates();
        String result = given().auth().none().cookies(session).cookies(page.getCookies())
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(multipart.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/admin/annotation-candidates/import").then().statusCode(200).extract().asString();
        assertTrue(result.contains("1 of 2 annotations found in stored articles"), result);
        assertTrue(result.contains("unknown_article"), result);
        assertTrue(result.contains("href=\"/admin/articles/" + article + "#candidates\""), result);
        assertEquals(before + 1, candidates());
        // A viewer may not import.
        Map<String, String> viewer = given().auth().none().redirects().follow(false)
                .formParam("j_username", Logins.VIEWER).formParam("j_password", Logins.VIEWER_PASSWORD)
                .post("/j_security_check").then().extract().cookies();
        given().auth().none().cookies(viewer).redirects().follow(false).get("/admin/annotation-candidates/import").then()
                .statusCode(403);
    }

    @Test
    void correctingTheTextDropsCandidatesWhoseWordsMovedOrWent() throws Exception {
        String text = stored(article);
        long kept = importing(JSON.writeValueAsString(annotation(url, "The army said", null, null, null, null))).then()
                .statusCode(200).extract().jsonPath().getLong("outcomes[0].candidateId");
        long gone = importing(JSON.writeValueAsString(annotation(url, "Residents said", null, null, null, null))).then()
                .statusCode(200).extract().jsonPath().getLong("outcomes[0].candidateId");
        String etag = given().get("/api/articles/" + article).then().extract().header("ETag");
        given().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(JSON.writeValueAsString(Map.of("text", text.replace("Residents said", "Neighbours reported"))))
                .patch("/api/articles/" + article).then().statusCode(200);
        try (Connection db = TestDatabase.connect();
                ResultSet rows = db.createStatement().executeQuery("select id from annotation_candidate where id in ("
                        + kept + ", " + gone + ")")) {
            assertTrue(rows.next());
            assertEquals(kept, rows.getLong(1), "the candidate before the change stays where it was");
            assertFalse(rows.next(), "the candidate whose words went is dropped");
        }
    }
}
