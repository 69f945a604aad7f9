package org.claimtracker.export;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimtracker.claim.Grading;
import org.claimtracker.support.Accounts;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gradings as schema.org ClaimReview: the JSON Lines export (GET /api/exports/claimreview.jsonl)
 * and the data block of the claim's admin page.
 *
 * <p>What search engines require, from Google's ClaimReview structured-data documentation (checked on
 * every review by {@link #requireWhatSearchEnginesRequire}):
 * <ul>
 * <li>ClaimReview, required: {@code claimReviewed} (the claim, as text), {@code reviewRating} (a Rating),
 * {@code url} (the page of the review);</li>
 * <li>ClaimReview, recommended: {@code author} of the review (an Organization or Person with a
 * {@code name}), {@code datePublished}, {@code itemReviewed} (a Claim);</li>
 * <li>Rating: {@code alternateName} (the truthfulness rating as words, what is shown), and for a numeric
 * rating {@code ratingValue} within {@code worstRating} .. {@code bestRating}, with the number-to-words
 * scale documented (the README's table, checked against {@link ReviewRating});</li>
 * <li>Claim, recommended: {@code author} (who made the claim, with a {@code name}), {@code datePublished},
 * {@code appearance} or {@code firstAppearance} (where the claim appeared: a CreativeWork or URL).</li>
 * </ul>
 * And the JSON-LD must say {@code "@context": "https://schema.org"} with the ClaimReview as its root.
 */
@QuarkusTest
class ClaimReviewTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "https://schema.org/";
    private static final LocalDate D = LocalDate.of(2017, 4, 4);
    private static final String TEXT = "A spokesman says the jets of Z struck the town </script><!-- at dawn & noon."
            + " The ministry says Z shelled the bridge. Z denies it.";
    private static final String HOSTILE = "the jets of Z struck the town </script><!-- at dawn & noon";

    /** Types and their supertypes; properties with their domains and ranges (schema.org's own subset). */
    private static Map<String, Set<String>> supertypes;
    private static Map<String, Set<String>> domains;
    private static Map<String, Set<String>> ranges;

    private static long confirmed;
    private static long fair;
    private static long unassessed;
    private static String linkedArticleUrl;
    private static String spokesman;
    private static String ministry;

    @BeforeAll
    static void vocabulary() throws IOException {
        supertypes = new HashMap<>();
        domains = new HashMap<>();
        ranges = new HashMap<>();
        JsonNode graph = JSON.readTree(ClaimReviewTest.class.getResourceAsStream("/schemaorg/vocabulary.jsonld")).path("@graph");
        for (JsonNode node : graph) {
            String name = node.path("@id").asText().replaceFirst("^schema:", "");
            if (node.path("@type").asText().equals("rdf:Property")) {
                domains.put(name, ids(node.path("schema:domainIncludes")));
                ranges.put(name, ids(node.path("schema:rangeIncludes")));
            } else {
                supertypes.put(name, ids(node.path("rdfs:subClassOf")));
            }
        }
    }

    private static Set<String> ids(JsonNode value) {
        Set<String> ids = new TreeSet<>();
        (value.isArray() ? value : JSON.createArrayNode().add(value)).forEach(v -> {
            if (v.has("@id")) {
                ids.add(v.path("@id").asText().replaceFirst("^schema:", ""));
            }
        });
        return ids;
    }

    /** The type and every type above it. */
    private static Set<String> withSupertypes(String type) {
        Set<String> all = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(type));
        while (!todo.isEmpty()) {
            String t = todo.remove(todo.size() - 1);
            assertTrue(supertypes.containsKey(t), t + " is not a type of the shipped schema.org vocabulary");
            if (all.add(t)) {
                todo.addAll(supertypes.get(t));
            }
        }
        return all;
    }

    /** Built once and only read by the tests. */
    @BeforeEach
    void data() {
        if (unassessed != 0) {
            return;
        }
        long outlet = Fixtures.outlet();
        linkedArticleUrl = "https://news.example.org/" + unique("story").replace(' ', '-');
        Map<String, Object> linked = Fixtures.articleBody(outlet, TEXT + "\n\n[" + unique("a") + "]", D);
        linked.put("url", linkedArticleUrl);
        long first = created("/api/articles", linked);
        long second = created("/api/articles", Fixtures.articleBody(outlet, TEXT + "\n\n[" + unique("b") + "]", D.plusDays(1)));
        spokesman = unique("Spokesman <b>");
        long person = created("/api/parties", Map.of("name", spokesman, "kind", "person"));
        ministry = unique("Ministry");
        long body = created("/api/parties", Map.of("name", ministry, "kind", "government_body"));
        long z = Fixtures.state("State Z");

        Map<String, Object> claim = Fixtures.claimBody(person, z, first, HOSTILE, D);
        claim.put("proposition", "Z struck the town </script><script>alert(1)</script> <!-- & \u2028 more");
        claim.put("sources", List.of(Map.of("articleId", first, "quote", HOSTILE), Map.of("articleId", second, "quote", HOSTILE)));
        claim.put("grading", "confirmed");
        claim.put("gradingNote", "Two monitors </script> confirm it");
        confirmed = created("/api/claims", claim);

        Map<String, Object> other = Fixtures.claimBody(body, z, second, "Z shelled the bridge", D.plusDays(1));
        other.put("grading", "fair");
        fair = created("/api/claims", other);

        unassessed = Fixtures.claim(body, z, second, "Z shelled the bridge", D.plusDays(1));
    }

    private static List<String> exportLines() {
        String body = given().get("/api/exports/claimreview.jsonl").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", "attachment; filename=\"claimreview.jsonl\"")
                .extract().asString();
        assertTrue(body.isEmpty() || body.endsWith("\n"), "every line ends in a line feed");
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    private static Map<Long, String> byClaim(List<String> lines) throws IOException {
        Map<Long, String> reviews = new LinkedHashMap<>();
        for (String line : lines) {
            String url = JSON.readTree(line).path("url").asText();
            Matcher id = Pattern.compile("/admin/claims/(\\d+)$").matcher(url);
            assertTrue(id.find(), url);
            assertNull(reviews.put(Long.parseLong(id.group(1)), line), "one review per claim");
        }
        return reviews;
    }

    @Test
    void theExportHasOneReviewPerGradedClaimWithWhatSearchEnginesRequire() throws Exception {
        List<String> lines = exportLines();
        Map<Long, String> reviews = byClaim(lines);
        assertEquals(TestDatabase.number("select count(*) from claim where grading <> 'unassessed'"),
                lines.size(), "every graded claim, and only those");
        assertFalse(reviews.containsKey(unassessed), "an unassessed claim is no review");
        for (String line : lines) {
            requireWhatSearchEnginesRequire(JSON.readTree(line));
        }

        JsonNode review = JSON.readTree(reviews.get(confirmed));
        assertEquals("https://schema.org", review.path("@context").asText());
        assertEquals("ClaimReview", review.path("@type").asText());
        assertEquals("http://localhost:8080/admin/claims/" + confirmed, review.path("url").asText(),
                "the claim's page under TRACKER_PUBLIC_URL (its default here)");
        assertEquals("Z struck the town </script><script>alert(1)</script> <!-- & \u2028 more",
                review.path("claimReviewed").asText(), "the proposition, character for character");
        assertEquals("Two monitors </script> confirm it", review.path("reviewBody").asText());
        assertEquals(5, review.path("reviewRating").path("ratingValue").asInt());
        assertEquals("Confirmed", review.path("reviewRating").path("alternateName").asText());
        assertEquals("Claim tracker", review.path("author").path("name").asText());
        JsonNode claim = review.path("itemReviewed");
        assertEquals("Claim", claim.path("@type").asText());
        assertEquals("Person", claim.path("author").path("@type").asText());
        assertEquals(spokesman, claim.path("author").path("name").asText());
        assertEquals(D.toString(), claim.path("datePublished").asText());
        assertEquals(2, claim.path("appearance").size());
        assertEquals(linkedArticleUrl, claim.path("appearance").get(0).path("url").asText());
        assertEquals(D.toString(), claim.path("appearance").get(0).path("datePublished").asText());
        assertFalse(claim.path("appearance").get(1).has("url"), "an article without an address has no url");
        assertEquals(D.plusDays(1).toString(), claim.path("appearance").get(1).path("datePublished").asText());

        JsonNode other = JSON.readTree(reviews.get(fair));
        assertEquals(4, other.path("reviewRating").path("ratingValue").asInt());
        assertEquals("Fair", other.path("reviewRating").path("alternateName").asText());
        assertEquals("Organization", other.path("itemReviewed").path("author").path("@type").asText());
        assertEquals(ministry, other.path("itemReviewed").path("author").path("name").asText());

        String raw = reviews.get(confirmed);
        assertFalse(raw.contains("<") || raw.contains(">") || raw.contains("&"), raw);
        assertTrue(raw.contains("\\u003c/script\\u003e") && raw.contains("\\u003c!--") && raw.contains("\\u0026"), raw);
        assertFalse(raw.contains("\u2028"), "U+2028 is escaped too");
    }

    /** The properties Google's documentation requires or recommends (see the class comment). */
    static void requireWhatSearchEnginesRequire(JsonNode review) {
        assertEquals("https://schema.org", review.path("@context").asText());
        assertEquals("ClaimReview", review.path("@type").asText());
        assertFalse(review.path("claimReviewed").asText().isBlank(), "claimReviewed");
        assertTrue(URI.create(review.path("url").asText()).isAbsolute(), "url");
        LocalDate.parse(review.path("datePublished").asText());
        JsonNode author = review.path("author");
        assertTrue(Set.of("Organization", "Person").contains(author.path("@type").asText()), "author");
        assertFalse(author.path("name").asText().isBlank(), "author.name");
        JsonNode rating = review.path("reviewRating");
        assertEquals("Rating", rating.path("@type").asText());
        assertFalse(rating.path("alternateName").asText().isBlank(), "reviewRating.alternateName");
        int value = rating.path("ratingValue").asInt(-1);
        assertTrue(rating.path("ratingValue").isInt() && value >= rating.path("worstRating").asInt()
                && value <= rating.path("bestRating").asInt(), "ratingValue within worstRating .. bestRating: " + rating);
        JsonNode claim = review.path("itemReviewed");
        assertEquals("Claim", claim.path("@type").asText());
        assertTrue(Set.of("Organization", "Person").contains(claim.path("author").path("@type").asText()), "the claim's author");
        assertFalse(claim.path("author").path("name").asText().isBlank(), "the claim's author's name");
        LocalDate.parse(claim.path("datePublished").asText());
        assertTrue(claim.path("appearance").isArray() && claim.path("appearance").size() > 0, "appearance");
    }

    @Test
    void everyPropertyIsASchemaOrgPropertyWhoseDomainIncludesTheTypeItIsUsedOn() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (String line : exportLines()) {
            check(JSON.readTree(line), null, problems, used);
        }
        assertEquals(List.of(), problems);
        assertTrue(used.containsAll(List.of("claimReviewed", "reviewRating", "url", "author", "itemReviewed", "appearance",
                "datePublished", "ratingValue", "alternateName", "bestRating", "worstRating", "name", "headline",
                "publisher", "reviewBody")), used.toString());
    }

    /**
     * A node of the review: its {@code @type} must be a type of the vocabulary; every other key a
     * property whose domain includes that type or one above it; and every value fits the property's
     * range (a node of a type in or below the range, or a literal of a data type in the range).
     */
    private static void check(JsonNode node, String property, List<String> problems, Set<String> used) {
        String type = node.path("@type").asText();
        if (!supertypes.containsKey(type)) {
            problems.add((property == null ? "the root" : property) + " has the type '" + type + "', not in the vocabulary");
            return;
        }
        Set<String> types = withSupertypes(type);
        if (property != null && ranges.get(property).stream().noneMatch(types::contains)) {
            problems.add(property + " holds a " + type + ", outside its range " + ranges.get(property));
        }
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (name.startsWith("@")) {
                return;
            }
            used.add(name);
            if (!domains.containsKey(name)) {
                problems.add(name + " (on " + type + ") is not a schema.org property of the vocabulary");
                return;
            }
            if (domains.get(name).stream().noneMatch(types::contains)) {
                problems.add(name + " is used on " + type + ", whose types " + types + " its domain " + domains.get(name)
                        + " does not include");
            }
            JsonNode value = field.getValue();
            Iterable<JsonNode> items = value.isArray() ? value : List.of(value);
            for (JsonNode item : items) {
                if (item.isObject()) {
                    check(item, name, problems, used);
                } else if (!literalFits(item, ranges.get(name))) {
                    problems.add(name + " holds " + item + ", outside its range " + ranges.get(name));
                }
            }
        });
    }

    /** The check has teeth: a property off its domain, a value off its range, a bad date and an unknown property. */
    @Test
    void theVocabularyCheckFindsWhatSchemaOrgDoesNotAllow() throws IOException {
        List<String> problems = new ArrayList<>();
        check(JSON.readTree("{\"@type\": \"Claim\", \"claimReviewed\": \"x\", \"author\": {\"@type\": \"Rating\"},"
                + " \"datePublished\": \"soon\", \"colour\": \"red\"}"), null, problems, new TreeSet<>());
        assertEquals(4, problems.size(), problems.toString());
    }

    private static boolean literalFits(JsonNode value, Set<String> range) {
        if (value.isNumber()) {
            return range.contains("Number");
        }
        String text = value.asText();
        if (range.contains("Text")) {
            return true;
        }
        if (range.contains("URL") && URI.create(text).isAbsolute()) {
            return true;
        }
        return (range.contains("Date") || range.contains("DateTime")) && text.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    /** Answers the shipped schema.org context for schema.org's addresses, and refuses everything else: no network. */
    static final DocumentLoader OFFLINE = (url, options) -> {
        String address = url.toString().replaceFirst("/$", "");
        if (!Set.of("https://schema.org", "http://schema.org", "https://schema.org/docs/jsonldcontext.jsonld")
                .contains(address)) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "no network in tests: " + url);
        }
        try (InputStream in = ClaimReviewTest.class.getResourceAsStream("/schemaorg/context.jsonld")) {
            JsonDocument context = JsonDocument.of(MediaType.JSON_LD, in);
            context.setDocumentUrl(url);
            return context;
        } catch (IOException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e);
        }
    };

    private static JsonArray expand(String line) throws JsonLdError {
        return JsonLd.expand(JsonDocument.of(new StringReader(line))).loader(OFFLINE)
                .undefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail).get();
    }

    @Test
    void everyReviewExpandsWithAJsonLdProcessorToSchemaOrgIris() throws Exception {
        Map<Long, String> reviews = byClaim(exportLines());
        for (String line : reviews.values()) {
            JsonArray expanded = expand(line);
            assertEquals(1, expanded.size(), line);
            Set<String> iris = new TreeSet<>();
            collect(expanded, iris);
            assertTrue(iris.stream().allMatch(iri -> iri.startsWith(SCHEMA)), "IRIs outside schema.org: " + iris);
        }

        JsonObject review = expand(reviews.get(confirmed)).getJsonObject(0);
        assertEquals(List.of(SCHEMA + "ClaimReview"), strings(review.getJsonArray("@type")));
        assertEquals("http://localhost:8080/admin/claims/" + confirmed,
                review.getJsonArray(SCHEMA + "url").getJsonObject(0).getString("@id"), "url is an IRI");
        assertEquals("Z struck the town </script><script>alert(1)</script> <!-- & \u2028 more",
                review.getJsonArray(SCHEMA + "claimReviewed").getJsonObject(0).getString("@value"));
        JsonObject rating = review.getJsonArray(SCHEMA + "reviewRating").getJsonObject(0);
        assertEquals(List.of(SCHEMA + "Rating"), strings(rating.getJsonArray("@type")));
        assertEquals(5, rating.getJsonArray(SCHEMA + "ratingValue").getJsonObject(0).getInt("@value"));
        assertEquals("Confirmed", rating.getJsonArray(SCHEMA + "alternateName").getJsonObject(0).getString("@value"));
        JsonObject claim = review.getJsonArray(SCHEMA + "itemReviewed").getJsonObject(0);
        assertEquals(List.of(SCHEMA + "Claim"), strings(claim.getJsonArray("@type")));
        JsonObject date = claim.getJsonArray(SCHEMA + "datePublished").getJsonObject(0);
        assertEquals(D.toString(), date.getString("@value"));
        assertEquals(SCHEMA + "Date", date.getString("@type"));
        JsonArray appearance = claim.getJsonArray(SCHEMA + "appearance");
        assertEquals(2, appearance.size());
        assertEquals(List.of(SCHEMA + "Article"), strings(appearance.getJsonObject(0).getJsonArray("@type")));
        assertEquals(linkedArticleUrl, appearance.getJsonObject(0).getJsonArray(SCHEMA + "url").getJsonObject(0).getString("@id"));
        assertEquals(List.of(SCHEMA + "Person"),
                strings(claim.getJsonArray(SCHEMA + "author").getJsonObject(0).getJsonArray("@type")));
    }

    /** The check has teeth: a property outside the shipped vocabulary, or a context from elsewhere, fails the expansion. */
    @Test
    void theExpansionFailsOnAnUndefinedTermAndNeverGoesToTheNetwork() {
        assertThrows(JsonLdError.class, () -> expand(
                "{\"@context\": \"https://schema.org\", \"@type\": \"ClaimReview\", \"claimReviewd\": \"typo\"}"));
        assertThrows(JsonLdError.class, () -> expand(
                "{\"@context\": \"https://example.org/context\", \"@type\": \"ClaimReview\"}"));
    }

    private static void collect(JsonValue value, Set<String> iris) {
        if (value instanceof JsonArray array) {
            array.forEach(v -> collect(v, iris));
        } else if (value instanceof JsonObject object) {
            object.forEach((key, v) -> {
                if (key.equals("@type") && v instanceof JsonArray types) {
                    types.forEach(t -> iris.add(((JsonString) t).getString()));
                } else if (key.equals("@type") && v instanceof JsonString t) {
                    iris.add(t.getString());
                } else if (!key.startsWith("@")) {
                    iris.add(key);
                    collect(v, iris);
                }
            });
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(v -> ((JsonString) v).getString()).toList();
    }

    @Test
    void theClaimPageEmbedsItsReviewInADataBlockThatNoTextCanBreak() throws IOException {
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        Response page = given().auth().none().cookies(session).get("/admin/claims/" + confirmed);
        assertEquals(200, page.statusCode());
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"), "the page's policy is unchanged");
        String html = page.asString();
        String open = "<script type=\"application/ld+json\" id=\"claim-review\">";
        assertEquals(html.indexOf(open), html.lastIndexOf(open), "one data block");
        int start = html.indexOf(open);
        assertTrue(start > 0, "the page has its review");
        String block = html.substring(start + open.length(), html.indexOf("</script>", start));
        assertFalse(block.contains("<") || block.contains("&"), "nothing in the block can end it or be read as markup: " + block);
        assertEquals(JSON.readTree(byClaim(exportLines()).get(confirmed)), JSON.readTree(block),
                "the page and the export give the same review");

        String unassessedPage = given().auth().none().cookies(session).get("/admin/claims/" + unassessed).then()
                .statusCode(200).extract().asString();
        assertFalse(unassessedPage.contains("application/ld+json"), "an unassessed claim has no review");
    }

    /** The README's table of the mapping is the one the code applies. */
    @Test
    void theDocumentedMappingIsTheOneApplied() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\| (\\d|none) \\| (\\w+|\\(no review\\)) \\|")
                .matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2) + " " + row.group(3));
        }
        Map<String, String> applied = new LinkedHashMap<>();
        for (Grading grading : Grading.values()) {
            ReviewRating rating = ReviewRating.of(grading);
            applied.put(grading.name(), rating == null ? "none (no review)" : rating.value() + " " + rating.name());
        }
        assertEquals(applied, documented);
        assertNotNull(ReviewRating.of(Grading.confirmed));
    }

    @Test
    void badRequestsAreProblems() {
        given().get("/api/exports/claimreview.jsonl?page=1").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("page"));
        given().accept("text/csv").get("/api/exports/claimreview.jsonl").then().statusCode(406)
                .contentType("application/problem+json");
        given().auth().none().get("/api/exports/claimreview.jsonl").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
