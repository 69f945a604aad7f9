package org.claimtracker.annotation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.json.JsonArray;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.QuotedArticle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recorded quotes served as W3C Web Annotations: the selectors hold the quote, its offsets in code
 * points and 32 characters either side (clipped at the text's ends); the container pages as the Web
 * Annotation Protocol shapes it; the JSON-LD expands, with the W3C context shipped in the test
 * resources, into the Web Annotation vocabulary's IRIs.
 */
@QuarkusTest
class AnnotationApiTest extends QuotedArticle {

    static final String MEDIA_TYPE = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
    private static final String OA = "http://www.w3.org/ns/oa#";
    private static final String AS = "http://www.w3.org/ns/activitystreams#";
    private static final LocalDate DAY = LocalDate.of(2019, 6, 3);

    /** Astral characters (two UTF-16 units, one code point) before the quotes, so that offsets must count code points. */
    private static final String TEXT = "Ministry \uD83D\uDCE2 said jets struck the depot. After that, a long paragraph of"
            + " background that goes on for a while \uD83D\uDE80 before the spokesman denied any strike at all. The end.";

    private long claim;
    private long response;

    @BeforeEach
    void data() {
        publishedAt("https://news.example.org/", TEXT, DAY, "Claimant", "Accused");
        claim = Fixtures.claim(claimant, accused, article, "jets struck the depot", DAY);
        response = Fixtures.response(claim, accused, "denies", DAY, article, "denied any strike at all");
    }

    /** application/ld+json with the Web Annotation profile (however the parameter is spaced). */
    static void assertAnnotationType(String contentType) {
        jakarta.ws.rs.core.MediaType type = jakarta.ws.rs.core.MediaType.valueOf(contentType);
        assertEquals("application/ld+json", type.getType() + "/" + type.getSubtype(), contentType);
        assertEquals("http://www.w3.org/ns/anno.jsonld", type.getParameters().get("profile"), contentType);
    }

    private static int codePoint(String text, String quote) {
        int index = text.indexOf(quote);
        return text.codePointCount(0, index);
    }

    /** Up to n code points of text before [start, ...) and after [..., end). */
    private static String before(String text, int start, int n) {
        int from = Math.max(0, start - n);
        return new String(text.codePoints().skip(from).limit(start - from).toArray(), 0, start - from);
    }

    private static String after(String text, int end, int n) {
        int[] rest = text.codePoints().skip(end).limit(n).toArray();
        return new String(rest, 0, rest.length);
    }

    private Response collection(String query) {
        return given().get("/api/annotations" + query).then().statusCode(200).extract().response();
    }

    @Test
    void everyQuoteOfAnArticleIsAnAnnotationWithBothSelectors() {
        Response answer = collection("?articleId=" + article);
        assertAnnotationType(answer.contentType());
        JsonPath json = answer.jsonPath();
        assertEquals("http://www.w3.org/ns/anno.jsonld", json.getString("'@context'"));
        assertEquals("AnnotationCollection", json.getString("type"));
        assertTrue(answer.header("Link").contains("<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\""),
                answer.header("Link"));
        assertTrue(answer.headers().getValues("Vary").stream().anyMatch(v -> v.contains("Accept")), answer.headers().toString());
        assertEquals(2, json.getInt("total"));
        assertTrue(json.getString("id").endsWith("/api/annotations?articleId=" + article), json.getString("id"));
        List<Map<String, Object>> items = json.getList("first.items");
        assertEquals(2, items.size());

        String stored = given().get("/api/articles/" + article).then().statusCode(200).extract().jsonPath().getString("text");
        int claimStart = codePoint(stored, "jets struck the depot");
        JsonPath first = new JsonPath(answer.asString()).setRootPath("first.items[0]");
        assertTrue(first.getString("id").endsWith("/api/annotations/claim-source-" + claimSourceId()), first.getString("id"));
        assertEquals("Annotation", first.getString("type"));
        assertEquals(url, first.getString("target.source"));
        assertEquals("TextQuoteSelector", first.getString("target.selector[0].type"));
        assertEquals("jets struck the depot", first.getString("target.selector[0].exact"));
        // 14 code points stand before the quote: the prefix is clipped at the start of the text.
        assertEquals("Ministry \uD83D\uDCE2 said ", first.getString("target.selector[0].prefix"));
        assertEquals(before(stored, claimStart, 32), first.getString("target.selector[0].prefix"));
        assertEquals(after(stored, claimStart + 21, 32), first.getString("target.selector[0].suffix"));
        assertEquals(32, first.getString("target.selector[0].suffix").codePointCount(0,
                first.getString("target.selector[0].suffix").length()));
        assertEquals("TextPositionSelector", first.getString("target.selector[1].type"));
        assertEquals(claimStart, first.getInt("target.selector[1].start"));
        assertEquals(claimStart + 21, first.getInt("target.selector[1].end"));
        assertEquals("analyst", first.getString("creator.nickname"));
        assertEquals("Person", first.getString("creator.type"));
        assertEquals(List.of("describing", "tagging", "tagging", "identifying"), first.getList("body.purpose"));
        assertEquals("asserts", first.getString("body[1].value"));
        assertEquals("attack_attribution", first.getString("body[2].value"));
        assertTrue(first.getString("body[3].source").endsWith("/api/claims/" + claim));

        JsonPath second = new JsonPath(answer.asString()).setRootPath("first.items[1]");
        int responseStart = codePoint(stored, "denied any strike at all");
        assertEquals(responseStart, second.getInt("target.selector[1].start"));
        assertEquals(before(stored, responseStart, 32), second.getString("target.selector[0].prefix"));
        assertEquals(32, second.getString("target.selector[0].prefix").codePointCount(0,
                second.getString("target.selector[0].prefix").length()));
        assertEquals(after(stored, responseStart + 24, 32), second.getString("target.selector[0].suffix"));
        assertEquals("denies", second.getString("body[1].value"));
        assertTrue(second.getString("body[2].source").endsWith("/api/responses/" + response));
        // Items of a container carry no context of their own (not even a null one, which would clear the page's).
        assertFalse(answer.asString().contains("\"@context\":null"), answer.asString());
    }

    @Test
    void theSuffixIsClippedAtTheEndOfTheText() {
        String text = "Officials confirmed the strike " + UUID.randomUUID() + ". It ends here";
        long bare = Fixtures.created("/api/articles", Fixtures.articleBody(Fixtures.outlet(), text, DAY));
        Fixtures.claim(claimant, accused, bare, "It ends here", DAY);
        JsonPath json = collection("?articleId=" + bare).jsonPath();
        assertEquals("", json.getString("first.items[0].target.selector[0].suffix"));
        assertEquals(text.length(), json.getInt("first.items[0].target.selector[1].end"));
        // An article without a URL is the target as its page in the tracker.
        assertTrue(json.getString("first.items[0].target.source").endsWith("/admin/articles/" + bare));
    }

    private long claimSourceId() {
        // The claim's own page names no source ids; the annotation id is checked through the single read below.
        String id = collection("?claimId=" + claim).jsonPath().getString("first.items[0].id");
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }

    @Test
    void oneAnnotationIsReadByItsName() {
        String iri = collection("?claimId=" + claim + "&partyId=" + claimant).jsonPath().getString("first.items[0].id");
        String name = iri.substring(iri.lastIndexOf('/') + 1);
        assertTrue(name.startsWith("claim-source-"), name);
        Response one = given().get("/api/annotations/" + name).then().statusCode(200).extract().response();
        assertAnnotationType(one.contentType());
        assertEquals(iri, one.jsonPath().getString("id"));
        assertEquals("http://www.w3.org/ns/anno.jsonld", one.jsonPath().getString("'@context'"));
        given().accept("application/json").get("/api/annotations/" + name).then().statusCode(200)
                .contentType(containsString("application/json"));
        // A response's quote is read by its name as well.
        String responseIri = collection("?partyId=" + accused).jsonPath().getString("first.items[0].id");
        JsonPath responseAnnotation = given().get("/api/annotations/response-" + response).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(responseIri, responseAnnotation.getString("id"));
        assertEquals("denies", responseAnnotation.getString("body[1].value"));
        assertEquals("denied any strike at all", responseAnnotation.getString("target.selector[0].exact"));
        given().get("/api/annotations/response-99999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/annotations/claim-source-99999999").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/annotations/claim-99").then().statusCode(404).contentType("application/problem+json");
        given().accept("text/csv").get("/api/annotations/" + name).then().statusCode(406);
        // Served read only: the container and its annotations take no writes.
        given().contentType("application/ld+json").body("{\"type\": \"Annotation\"}").post("/api/annotations").then()
                .statusCode(405);
        given().contentType("application/ld+json").body("{\"type\": \"Annotation\"}").put("/api/annotations/" + name).then()
                .statusCode(405);
        given().delete("/api/annotations/" + name).then().statusCode(405);
        given().get("/api/annotations/" + name).then().statusCode(200);
    }

    @Test
    void filtersSelectByArticleClaimAndParty() {
        assertEquals(2, collection("?claimId=" + claim).jsonPath().getInt("total"));
        assertEquals(1, collection("?partyId=" + accused).jsonPath().getInt("total"));
        assertEquals("denies", collection("?partyId=" + accused).jsonPath().getString("first.items[0].body[1].value"));
        assertEquals(1, collection("?partyId=" + claimant).jsonPath().getInt("total"));
        assertEquals(1, collection("?partyId=" + accused + "&articleId=" + article).jsonPath().getInt("total"));
        assertEquals(0, collection("?partyId=" + accused + "&claimId=99999999").jsonPath().getInt("total"));
        given().get("/api/annotations?article=" + article).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("article"));
        given().get("/api/annotations?articleId=x").then().statusCode(400).body("field", equalTo("articleId"));
        given().get("/api/annotations?size=201").then().statusCode(400).body("field", equalTo("size"));
        given().auth().none().get("/api/annotations").then().statusCode(401);
    }

    @Test
    void pagesLinkToEachOtherAndToTheirCollection() {
        JsonPath whole = collection("?claimId=" + claim + "&size=1").jsonPath();
        assertEquals(2, whole.getInt("total"));
        assertTrue(whole.getString("last").endsWith("?claimId=" + claim + "&page=1&size=1"), whole.getString("last"));
        assertEquals(0, whole.getInt("first.startIndex"));

        Response page0 = collection("?claimId=" + claim + "&page=0&size=1");
        assertAnnotationType(page0.contentType());
        JsonPath p0 = page0.jsonPath();
        assertEquals("AnnotationPage", p0.getString("type"));
        assertEquals(0, p0.getInt("startIndex"));
        assertEquals(1, p0.getList("items").size());
        assertEquals("AnnotationCollection", p0.getString("partOf.type"));
        assertTrue(p0.getString("partOf.id").endsWith("/api/annotations?claimId=" + claim), p0.getString("partOf.id"));
        // A page names its collection without counting it: it reads only its own rows.
        assertNull(p0.get("partOf.total"));
        assertNull(p0.get("prev"));
        // The next page is named by this page's last item, so that following next reads a page each.
        String next = p0.getString("next");
        assertTrue(next.endsWith("?claimId=" + claim + "&after=" + article + "." + p0.getInt("items[0].target.selector[1].start")
                + "." + p0.getInt("items[0].target.selector[1].end") + "." + name(p0.getString("items[0].id")) + "&size=1"), next);

        JsonPath p1 = given().get(next.substring(next.indexOf("/api/"))).then().statusCode(200).extract().jsonPath();
        assertEquals(next, p1.getString("id"));
        assertNull(p1.get("startIndex"), "a page after an item does not know its index without counting");
        assertNull(p1.get("next"));
        assertFalse(p1.getString("items[0].id").equals(p0.getString("items[0].id")));
        // Back by its first item: the first page again, which has nothing before it.
        String prev = p1.getString("prev");
        assertTrue(prev.contains("&before="), prev);
        JsonPath back = given().get(prev.substring(prev.indexOf("/api/"))).then().statusCode(200).extract().jsonPath();
        assertEquals(p0.getString("items[0].id"), back.getString("items[0].id"));
        assertNull(back.get("prev"));
        assertEquals(next, back.getString("next"));

        // By number: the page before is named by number.
        JsonPath byNumber = collection("?claimId=" + claim + "&page=1&size=1").jsonPath();
        assertEquals(1, byNumber.getInt("startIndex"));
        assertEquals(p1.getString("items[0].id"), byNumber.getString("items[0].id"));
        assertTrue(byNumber.getString("prev").endsWith("?claimId=" + claim + "&page=0&size=1"), byNumber.getString("prev"));

        // Plain JSON for a client that accepts only that: the same document.
        given().accept("application/json").get("/api/annotations?claimId=" + claim).then().statusCode(200)
                .contentType(containsString("application/json")).body("total", equalTo(2));
        // A page past the end is empty, and still names its collection.
        JsonPath beyond = collection("?claimId=" + claim + "&page=5&size=1").jsonPath();
        assertEquals(0, beyond.getList("items").size());
        assertTrue(beyond.getString("partOf.id").endsWith("?claimId=" + claim), beyond.getString("partOf.id"));
        assertNull(beyond.get("next"));

        // A cursor that is none, or two ways of naming a page at once: 400 naming the parameter.
        given().get("/api/annotations?after=12.4").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("after"));
        given().get("/api/annotations?before=1.2.3.claim-7").then().statusCode(400).body("field", equalTo("before"));
        given().get("/api/annotations?page=1&after=1.2.3.response-4").then().statusCode(400).body("field", equalTo("page"));
        given().get("/api/annotations?after=1.2.3.response-4&before=1.2.3.response-9").then().statusCode(400)
                .body("field", equalTo("after"));
    }

    /** A page is one statement whatever its size or depth; the collection adds its count. */
    @Test
    void aPageIsOneStatementAndTheCollectionTwo() {
        String cursor = collection("?page=0&size=1").jsonPath().getString("next").replaceAll(".*after=([^&]+).*", "$1");
        for (String query : List.of("?page=0", "?page=3", "?articleId=" + article + "&page=0", "?partyId=" + accused + "&page=0",
                "?after=" + cursor, "?before=" + cursor)) {
            assertEquals(1, statements("/api/annotations" + query + "&size=2"), query);
            assertEquals(1, statements("/api/annotations" + query + "&size=40"), query);
        }
        assertEquals(2, statements("/api/annotations?size=5"));
        assertEquals(2, statements("/api/annotations?claimId=" + claim));
    }

    private static int statements(String path) {
        given().get(path).then().statusCode(200);
        return org.claimtracker.support.SqlStatementCounter.fewest(() -> given().get(path).then().statusCode(200));
    }

    private static String name(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    /**
     * Walking the pages by next, and back by prev, meets every annotation once, in the order of the
     * pages by number, also where sources and responses stand at the very same place (the order then
     * goes by kind, then id, across the two tables).
     */
    @Test
    void walkingByNextAndBackByPrevMeetsEveryAnnotationOnceInOrder() {
        long other = Fixtures.claim(Fixtures.state("Third"), accused, article, "jets struck the depot", DAY);
        Fixtures.response(claim, accused, "denies", DAY, article, "jets struck the depot");
        Fixtures.response(other, accused, "assessing", DAY, article, "jets struck the depot");
        Fixtures.response(other, claimant, "confirms", DAY, article, "denied any strike at all");
        Fixtures.claim(accused, claimant, article, "denied any strike at all", DAY);
        List<String> all = collection("?articleId=" + article + "&size=200").jsonPath().getList("first.items.id");
        assertEquals(7, all.size());
        // Offsets and kinds as the order wants them: the claim sources before the responses at the same place.
        assertTrue(name(all.get(0)).startsWith("claim-source-") && name(all.get(1)).startsWith("claim-source-"), all.toString());
        assertTrue(name(all.get(2)).startsWith("response-") && name(all.get(3)).startsWith("response-"), all.toString());

        for (int size : List.of(1, 2, 3, 7)) {
            List<String> walked = new java.util.ArrayList<>();
            List<String> byNumber = new java.util.ArrayList<>();
            String link = "/api/annotations?articleId=" + article + "&page=0&size=" + size;
            String lastPage = null;
            for (int guard = 0; link != null && guard < 20; guard++) {
                JsonPath page = given().get(link).then().statusCode(200).extract().jsonPath();
                walked.addAll(page.getList("items.id"));
                lastPage = link;
                String next = page.getString("next");
                link = next == null ? null : next.substring(next.indexOf("/api/"));
            }
            for (int n = 0; n * size < all.size(); n++) {
                byNumber.addAll(collection("?articleId=" + article + "&page=" + n + "&size=" + size).jsonPath()
                        .getList("items.id"));
            }
            assertEquals(all, walked, "forwards by next, size " + size);
            assertEquals(all, byNumber, "by number, size " + size);

            // Back from the last page by prev: the same annotations, page by page in reverse.
            List<List<String>> pages = new java.util.ArrayList<>();
            link = lastPage;
            for (int guard = 0; link != null && guard < 20; guard++) {
                JsonPath page = given().get(link).then().statusCode(200).extract().jsonPath();
                pages.add(0, page.getList("items.id"));
                String prev = page.getString("prev");
                link = prev == null ? null : prev.substring(prev.indexOf("/api/"));
            }
            List<String> backwards = pages.stream().flatMap(List::stream).toList();
            assertEquals(all, backwards, "backwards by prev, size " + size);
        }
    }

    @Test
    void theJsonLdExpandsIntoTheWebAnnotationVocabulary() throws Exception {
        String collection = collection("?claimId=" + claim).asString();
        JsonArray expanded = OfflineJsonLd.expand(collection);
        Set<String> iris = OfflineJsonLd.iris(expanded);
        for (String iri : List.of(AS + "OrderedCollection", AS + "OrderedCollectionPage", AS + "totalItems", AS + "first",
                AS + "last", AS + "items", OA + "Annotation", OA + "hasTarget", OA + "hasSource", OA + "hasSelector",
                OA + "TextQuoteSelector", OA + "TextPositionSelector", OA + "exact", OA + "prefix", OA + "suffix",
                OA + "start", OA + "end", OA + "hasBody", OA + "TextualBody", OA + "SpecificResource", OA + "hasPurpose",
                OA + "describing", OA + "tagging", OA + "identifying", OA + "motivatedBy",
                "http://purl.org/dc/terms/creator", "http://purl.org/dc/terms/created", "http://xmlns.com/foaf/0.1/nick",
                "http://xmlns.com/foaf/0.1/Person", "http://www.w3.org/1999/02/22-rdf-syntax-ns#value", url)) {
            assertTrue(iris.contains(iri), "expanded graph lacks " + iri + ": " + iris);
        }
        // A page, and one annotation, expand as well.
        Set<String> page = OfflineJsonLd.iris(OfflineJsonLd.expand(collection("?claimId=" + claim + "&page=1&size=1").asString()));
        assertTrue(page.containsAll(List.of(AS + "partOf", AS + "prev", AS + "startIndex", OA + "hasSelector")), page.toString());
        String iri = new JsonPath(collection).getString("first.items[0].id");
        String one = given().get(iri.substring(iri.indexOf("/api/"))).then().statusCode(200).extract().asString();
        JsonArray single = OfflineJsonLd.expand(one);
        assertEquals(1, single.size());
        assertEquals(iri, single.getJsonObject(0).getString("@id"));
        assertEquals(List.of(OA + "Annotation"), single.getJsonObject(0).getJsonArray("@type").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    }

    /** TRACKER_PUBLIC_URL as the test run has it (its default); the server itself listens on a random port. */
    static final String PUBLIC = "http://localhost:8080/";

    @Test
    void everyIriTheTrackerMintsStandsOnThePublicAddressWhateverHostTheClientNamed() throws Exception {
        long bare = Fixtures.created("/api/articles", Fixtures.articleBody(Fixtures.outlet(),
                "Officials said the convoy was hit " + UUID.randomUUID(), DAY));
        long onBare = Fixtures.claim(claimant, accused, bare, "the convoy was hit", DAY);
        for (String host : List.of("elsewhere.example.net", "127.0.0.1:1")) {
            for (String query : List.of("?claimId=" + claim, "?claimId=" + claim + "&page=0&size=1",
                    "?claimId=" + claim + "&page=1&size=1", "?claimId=" + onBare)) {
                String answer = given().header("Host", host).get("/api/annotations" + query).then().statusCode(200).extract()
                        .asString();
                List<String> iris = minted(new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer));
                assertTrue(iris.size() >= 4, query + ": " + iris);
                for (String iri : iris) {
                    assertTrue(iri.startsWith(PUBLIC), query + " via Host " + host + ": " + iri + " in " + answer);
                }
            }
            String one = given().header("Host", host).get("/api/annotations/response-" + response).then().statusCode(200)
                    .extract().jsonPath().getString("id");
            assertEquals(PUBLIC + "api/annotations/response-" + response, one);
        }
        // The article without a URL is the target as its page under the public address.
        assertEquals(PUBLIC + "admin/articles/" + bare, collection("?claimId=" + onBare).jsonPath()
                .getString("first.items[0].target.source"));
    }

    /** Every IRI of an answer but the stored articles' own URLs (which are the articles', not the tracker's). */
    private List<String> minted(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> found = new java.util.ArrayList<>();
        node.fields().forEachRemaining(field -> {
            com.fasterxml.jackson.databind.JsonNode value = field.getValue();
            if (value.isTextual() && value.asText().matches("https?://.*") && !field.getKey().equals("@context")
                    && !value.asText().equals(url)) {
                found.add(value.asText());
            }
        });
        for (com.fasterxml.jackson.databind.JsonNode child : node) {
            if (child.isContainerNode()) {
                found.addAll(minted(child));
            }
        }
        return found;
    }

    @Test
    void theOfflineLoaderRefusesAnyOtherContext() {
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> OfflineJsonLd.expand("{\"@context\": \"http://example.org/other.jsonld\", \"id\": \"x\"}"));
        assertTrue(refused.getMessage().contains("no network") || String.valueOf(refused.getCause()).contains("no network"),
                refused.toString());
    }
}
