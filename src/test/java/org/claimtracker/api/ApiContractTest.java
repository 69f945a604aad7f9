package org.claimtracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.claimtracker.support.Logins;
import org.claimtracker.support.Prism;
import org.junit.jupiter.api.Test;
import org.claimtracker.support.Accounts;

/**
 * The API description is a contract, checked by an independent validator: every operation the
 * description lists is called through Prism (a validating proxy) with realistic data and with its
 * documented failures (400, 401, 403, 404, 409, 412, 422, 428), and not one answer may disagree
 * with the description (status, headers, body, nulls). A second test breaks the description on
 * purpose and shows that the same check then fails.
 */
@QuarkusTest
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARTICLE_TEXT = "The ministry said its jets struck the depot at dawn. A spokesman"
            + " denied that any civilians were near the depot. Monitors counted twelve dead.";

    @TestHTTPResource("/")
    URL tracker;

    @Test
    void everyOperationAnswersAsDescribed() throws Exception {
        JsonNode description = served();
        try (Prism prism = Prism.proxy(write(description, "openapi.json"), upstream(), "contract")) {
            Scenario s = new Scenario(prism);
            s.run();
            Set<String> described = operationIds(description);
            Set<String> missed = new TreeSet<>(described);
            missed.removeAll(s.called);
            assertEquals(Set.of(), missed, "operations the scenario never called");
            assertTrue(s.calls > 300, "the scenario made " + s.calls + " calls");
            assertEquals(List.of(), s.violations, "answers that disagree with /q/openapi");
        }
    }

    @Test
    void theCheckFailsWhenAnAnswerBreaksTheDescription() throws Exception {
        // The description claims an outlet's name is a number and its domain is never null: the
        // tracker's honest answers must now be reported as violations.
        ObjectNode broken = (ObjectNode) served();
        ObjectNode outlet = (ObjectNode) broken.path("components").path("schemas").path("OutletView").path("properties");
        outlet.set("name", JSON.readTree("{\"type\":\"integer\"}"));
        outlet.set("domain", JSON.readTree("{\"type\":\"string\"}"));
        try (Prism prism = Prism.proxy(write(broken, "openapi-broken.json"), upstream(), "broken")) {
            Scenario s = new Scenario(prism);
            long id = s.created("createOutlet", "/api/outlets", Map.of("name", unique("Outlet"), "kind", "blog"));
            s.expect("getOutlet", s.as(Logins.viewerToken()), "GET", "/api/outlets/" + id, 200);
            assertFalse(s.violations.isEmpty(), "the broken description went unnoticed");
            assertTrue(s.violations.stream().anyMatch(v -> v.contains("name")), s.violations.toString());
            assertTrue(s.violations.stream().anyMatch(v -> v.contains("domain")), s.violations.toString());
        }
    }

    private JsonNode served() throws Exception {
        String body = RestAssured.given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        return JSON.readTree(body);
    }

    private static Path write(JsonNode description, String name) throws Exception {
        Path file = Path.of("target", "contract", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(description), StandardCharsets.UTF_8);
        return file;
    }

    private String upstream() {
        return "http://127.0.0.1:" + tracker.getPort();
    }

    private static Set<String> operationIds(JsonNode description) {
        Set<String> ids = new TreeSet<>();
        description.path("paths").forEach(item -> item.forEach(operation -> {
            if (operation.has("operationId")) {
                ids.add(operation.get("operationId").asText());
            }
        }));
        return ids;
    }

    private static String unique(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Calls through Prism, recording which operations were called and every answer Prism faults. */
    static final class Scenario {

        final Prism prism;
        final Set<String> called = new TreeSet<>();
        final List<String> violations = new ArrayList<>();
        int calls;

        Scenario(Prism prism) {
            this.prism = prism;
        }

        RequestSpecification as(String token) {
            RequestSpecification spec = RestAssured.given().baseUri(prism.baseUri()).port(-1).urlEncodingEnabled(false)
                    .auth().none();
            return token == null ? spec : spec.header("Authorization", "Bearer " + token);
        }

        RequestSpecification analyst() {
            return as(Logins.token(Logins.ANALYST, Logins.ANALYST_PASSWORD));
        }

        RequestSpecification viewer() {
            return as(Logins.viewerToken());
        }

        Response expect(String operation, RequestSpecification request, String method, String path, int status) {
            Response response = request.request(method, path);
            calls++;
            called.add(operation);
            for (String violation : Prism.responseViolations(response.header("sl-violations"))) {
                violations.add(operation + " " + method + " " + path + " -> " + response.statusCode() + ": " + violation);
            }
            assertEquals(status, response.statusCode(), () -> operation + " " + method + " " + path + ": "
                    + response.asString());
            return response;
        }

        Response json(String operation, String method, String path, Object body, int status) {
            return expect(operation, analyst().contentType("application/json").body(body), method, path, status);
        }

        long created(String operation, String path, Object body) {
            Response response = json(operation, "POST", path, body, 201);
            return response.jsonPath().getLong("id");
        }

        String etag(String path) {
            return viewer().get(path).header("ETag");
        }

        Response put(String operation, String path, Object body, int status) {
            return expect(operation, analyst().contentType("application/json").header("If-Match", etag(path)).body(body),
                    "PUT", path, status);
        }

        Response patch(String operation, String path, String body, int status) {
            return expect(operation, analyst().contentType("application/merge-patch+json").header("If-Match", etag(path))
                    .body(body), "PATCH", path, status);
        }

        void delete(String operation, String path, int status) {
            expect(operation, analyst().header("If-Match", etag(path)), "DELETE", path, status);
        }

        /** Reads, lists (with every filter), history and the usual failures of one kind of record. */
        void readsOf(String kind, String list, String get, String history, long id, Map<String, String> filters) {
            expect(list, viewer(), "GET", "/api/" + kind, 200);
            expect(list, viewer(), "GET", "/api/" + kind + "?page=0&size=5", 200);
            filters.forEach((name, value) -> expect(list, viewer(), "GET", "/api/" + kind + "?" + name + "=" + value, 200));
            expect(list, viewer(), "GET", "/api/" + kind + "?size=0", 400);
            expect(list, viewer(), "GET", "/api/" + kind + "?nosuchfilter=1", 400);
            expect(list, as(null), "GET", "/api/" + kind, 401);
            expect(get, viewer(), "GET", "/api/" + kind + "/" + id, 200);
            expect(get, viewer(), "GET", "/api/" + kind + "/99999999", 404);
            expect(history, viewer(), "GET", "/api/" + kind + "/" + id + "/history", 200);
            expect(history, viewer(), "GET", "/api/" + kind + "/" + id + "/history?page=0&size=2", 200);
        }

        /** A replacement, its documented failures, and merge patches that set, clear and fail. */
        void editsOf(String kind, String update, String patch, long id, Map<String, Object> body,
                UnaryOperator<Map<String, Object>> wrongType, String clearable, String required) {
            String path = "/api/" + kind + "/" + id;
            put(update, path, body, 200);
            expect(update, analyst().contentType("application/json").header("If-Match", "\"9999\"").body(body),
                    "PUT", path, 412);
            expect(update, analyst().contentType("application/json").body(body), "PUT", path, 428);
            expect(update, analyst().contentType("application/json").header("If-Match", "*").body(body), "PUT", path, 428);
            put(update, path, wrongType.apply(new HashMap<>(body)), 400);
            Map<String, Object> unknown = new HashMap<>(body);
            unknown.put("createdBy", "someone");
            put(update, path, unknown, 400);
            expect(update, viewer().contentType("application/json").header("If-Match", "\"0\"").body(body), "PUT", path, 403);
            expect(update, analyst().contentType("application/json").header("If-Match", "\"0\"").body(body), "PUT",
                    "/api/" + kind + "/99999999", 404);
            patch(patch, path, "{\"" + clearable + "\": null}", 200);
            patch(patch, path, "{\"" + required + "\": null}", 400);
            patch(patch, path, "{\"nosuchfield\": 1}", 400);
            expect(patch, analyst().contentType("application/merge-patch+json").body("{}"), "PATCH", path, 428);
            expect(patch, analyst().contentType("application/merge-patch+json").header("If-Match", "\"9999\"").body("{}"),
                    "PATCH", path, 412);
        }

        void run() {
            outlets();
            long outlet = created("createOutlet", "/api/outlets", Map.of("name", unique("Desk"), "kind", "news_site"));
            long article = articles(outlet);
            long[] parties = parties();
            long incident = incidents();
            long claim = claims(parties, article, incident);
            responses(parties, claim, article);
            annotations(parties[1], claim, article);
            positions(parties[1], incident);
            tokens();
            imports();
            reports(parties[1]);
            search(parties[1], incident, outlet);
            everyStoredRecord();
        }

        /**
         * Every record of the first pages (the seed dataset's real articles, claims and responses
         * among them), read one by one: the shapes a hand-made scenario may miss (a claim without
         * an incident, a party without a parent, a timeline of many responses) all pass through.
         */
        void everyStoredRecord() {
            for (String kind : List.of("outlets", "articles", "parties", "incidents", "claims", "responses")) {
                String get = "get" + switch (kind) {
                    case "parties" -> "Party";
                    default -> Character.toUpperCase(kind.charAt(0)) + kind.substring(1, kind.length() - 1);
                };
                List<Long> ids = expect("list" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1), viewer(), "GET",
                        "/api/" + kind + "?size=40", 200).jsonPath().getList("items.id", Long.class);
                for (long id : ids) {
                    expect(get, viewer(), "GET", "/api/" + kind + "/" + id, 200);
                    if (kind.equals("parties")) {
                        expect("listPartyClaims", viewer(), "GET", "/api/parties/" + id + "/claims?size=50", 200);
                        expect("getPartySummary", viewer(), "GET", "/api/parties/" + id + "/summary", 200);
                    }
                }
            }
        }

        void outlets() {
            String name = unique("Outlet");
            long id = created("createOutlet", "/api/outlets", Map.of("name", name, "kind", "news_site"));
            json("createOutlet", "POST", "/api/outlets", Map.of("name", name, "kind", "blog"), 409);
            json("createOutlet", "POST", "/api/outlets", Map.of("name", 12, "kind", "blog"), 400);
            json("createOutlet", "POST", "/api/outlets", Map.of("kind", "blog"), 400);
            json("createOutlet", "POST", "/api/outlets", Map.of("name", unique("Outlet"), "kind", "tabloid"), 400);
            expect("createOutlet", viewer().contentType("application/json").body(Map.of("name", unique("O"), "kind", "blog")),
                    "POST", "/api/outlets", 403);
            expect("createOutlet", as(null).contentType("application/json").body(Map.of("name", unique("O"), "kind", "blog")),
                    "POST", "/api/outlets", 401);
            readsOf("outlets", "listOutlets", "getOutlet", "getOutletHistory", id,
                    Map.of("q", "outlet", "kind", "news_site", "country", "GB"));
            String domain = UUID.randomUUID().toString().substring(0, 8) + ".example.org";
            Map<String, Object> full = new HashMap<>(Map.of("name", name, "kind", "news_site", "domain", domain,
                    "country", "GB", "notes", "Checked."));
            editsOf("outlets", "updateOutlet", "patchOutlet", id, full, b -> {
                b.put("name", 12);
                return b;
            }, "notes", "name");
            long spare = created("createOutlet", "/api/outlets", Map.of("name", unique("Spare"), "kind", "blog"));
            delete("deleteOutlet", "/api/outlets/" + spare, 204);
            expect("deleteOutlet", analyst(), "DELETE", "/api/outlets/" + id, 428);
            expect("deleteOutlet", analyst().header("If-Match", "\"0\""), "DELETE", "/api/outlets/99999999", 404);
        }

        long articles(long outlet) {
            Map<String, Object> body = new HashMap<>(Map.of("outletId", outlet, "title", unique("Depot struck"),
                    "publishedOn", "2021-04-02", "text", ARTICLE_TEXT + " " + UUID.randomUUID()));
            long id = created("createArticle", "/api/articles", body);
            json("createArticle", "POST", "/api/articles", body, 409);
            json("createArticle", "POST", "/api/articles", Map.of("outletId", 99999999, "title", "x",
                    "publishedOn", "2021-04-02", "text", "x " + UUID.randomUUID()), 422);
            readsOf("articles", "listArticles", "getArticle", "getArticleHistory", id, Map.of("outletId", "" + outlet,
                    "republishedFromOutletId", "" + outlet, "from", "2021-01-01", "to", "2021-12-31", "q", "depot",
                    "language", "en"));
            Map<String, Object> full = new HashMap<>(body);
            full.put("authors", List.of("A. Writer"));
            full.put("url", "https://example.org/" + UUID.randomUUID());
            full.put("notes", "Captured.");
            editsOf("articles", "updateArticle", "patchArticle", id, full, b -> {
                b.put("publishedOn", 20210402);
                return b;
            }, "notes", "title");
            long spare = created("createArticle", "/api/articles", Map.of("outletId", outlet, "title", "Spare",
                    "publishedOn", "2021-04-03", "text", "Spare text " + UUID.randomUUID()));
            delete("deleteArticle", "/api/articles/" + spare, 204);
            return id;
        }

        long[] parties() {
            long ministry = created("createParty", "/api/parties", Map.of("name", unique("Ministry"), "kind", "state"));
            long coalition = created("createParty", "/api/parties", Map.of("name", unique("Coalition"), "kind", "coalition"));
            String name = unique("Armed force");
            Map<String, Object> body = new HashMap<>(Map.of("name", name, "kind", "armed_force", "parentId", ministry,
                    "aliases", List.of(unique("AF")), "description", "Air arm."));
            long force = created("createParty", "/api/parties", body);
            json("createParty", "POST", "/api/parties", Map.of("name", name, "kind", "state"), 409);
            readsOf("parties", "listParties", "getParty", "getPartyHistory", force,
                    Map.of("q", "armed", "kind", "armed_force", "parentId", "" + ministry));
            editsOf("parties", "updateParty", "patchParty", force, body, b -> {
                b.put("aliases", "AF");
                return b;
            }, "description", "kind");
            String memberships = "/api/parties/" + ministry + "/memberships";
            long membership = created("createPartyMembership", memberships, Map.of("groupId", coalition));
            json("createPartyMembership", "POST", memberships, Map.of("groupId", 99999999), 422);
            json("createPartyMembership", "POST", "/api/parties/99999999/memberships", Map.of("groupId", coalition), 404);
            String one = memberships + "/" + membership;
            expect("updatePartyMembership", analyst().contentType("application/json").header("If-Match", "\"0\"")
                    .body(Map.of("groupId", coalition, "from", "2015-01-01", "role", "member")), "PUT", one, 200);
            expect("updatePartyMembership", analyst().contentType("application/json").header("If-Match", "\"0\"")
                    .body(Map.of("groupId", coalition)), "PUT", one, 412);
            expect("patchPartyMembership", analyst().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body("{\"role\": null, \"note\": \"Joined late\"}"), "PATCH", one, 200);
            expect("patchPartyMembership", analyst().contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                    .body("{\"from\": \"2016-01-01\", \"to\": \"2015-01-01\"}"), "PATCH", one, 422);
            expect("deletePartyMembership", analyst().header("If-Match", "\"2\""), "DELETE", one, 204);
            expect("deletePartyMembership", analyst().header("If-Match", "\"2\""), "DELETE", one, 404);
            delete("deleteParty", "/api/parties/" + ministry, 409);
            long spare = created("createParty", "/api/parties", Map.of("name", unique("Spare"), "kind", "person"));
            delete("deleteParty", "/api/parties/" + spare, 204);
            return new long[] {ministry, force, coalition};
        }

        long incidents() {
            Map<String, Object> body = new HashMap<>(Map.of("ref", "inc-" + UUID.randomUUID().toString().substring(0, 8),
                    "title", unique("Depot strike"), "occurredOn", "2021-04-01", "place", "Depot town",
                    "latitude", 35.5, "longitude", 38.25, "description", "A depot was hit."));
            long id = created("createIncident", "/api/incidents", body);
            long bare = created("createIncident", "/api/incidents", Map.of("title", unique("Undated")));
            json("createIncident", "POST", "/api/incidents", Map.of("title", "x", "occurredOn", "2021-04-02",
                    "occurredUntil", "2021-04-01"), 422);
            readsOf("incidents", "listIncidents", "getIncident", "getIncidentHistory", bare, Map.of("ref", "inc-x",
                    "q", "depot", "from", "2021-01-01", "to", "2021-12-31", "precision", "day"));
            editsOf("incidents", "updateIncident", "patchIncident", id, body, b -> {
                b.put("latitude", "north");
                return b;
            }, "place", "title");
            delete("deleteIncident", "/api/incidents/" + bare, 204);
            return id;
        }

        long claims(long[] parties, long article, long incident) {
            Map<String, Object> body = new HashMap<>(Map.of("claimantId", parties[2], "addressedPartyId", parties[1],
                    "proposition", unique("Jets struck the depot"), "kind", "attack_attribution",
                    "statedOn", "2021-04-02", "incidentId", incident,
                    "sources", List.of(Map.of("articleId", article, "quote", "its jets struck the depot"))));
            long id = created("createClaim", "/api/claims", body);
            long bare = created("createClaim", "/api/claims", Map.of("claimantId", parties[0], "proposition",
                    unique("Twelve died"), "kind", "casualties", "statedOn", "2021-04-02",
                    "sources", List.of(Map.of("articleId", article, "quote", "Monitors counted twelve dead"))));
            json("createClaim", "POST", "/api/claims", Map.of("claimantId", parties[0], "proposition", "x",
                    "kind", "other", "statedOn", "2021-04-02",
                    "sources", List.of(Map.of("articleId", article, "quote", "words that are not there"))), 422);
            Map<String, Object> noSources = new HashMap<>(body);
            noSources.remove("sources");
            put("updateClaim", "/api/claims/" + id, noSources, 400);
            readsOf("claims", "listClaims", "getClaim", "getClaimHistory", bare, Map.of("ref", "c-1",
                    "claimantId", "" + parties[2], "addressedPartyId", "" + parties[1], "incidentId", "" + incident,
                    "kind", "casualties", "grading", "unassessed", "from", "2021-01-01", "to", "2021-12-31", "q", "depot"));
            expect("getClaim", viewer(), "GET", "/api/claims/" + id + "?asOf=2021-04-02", 200);
            Map<String, Object> full = new HashMap<>(body);
            full.put("gradingNote", "Two sources.");
            full.put("grading", "fair");
            editsOf("claims", "updateClaim", "patchClaim", id, full, b -> {
                b.put("casualtiesLow", "twelve");
                return b;
            }, "gradingNote", "proposition");
            patch("patchClaim", "/api/claims/" + id, "{\"sources\": []}", 400);
            delete("deleteClaim", "/api/claims/" + bare, 204);
            return id;
        }

        void responses(long[] parties, long claim, long article) {
            Map<String, Object> body = new HashMap<>(Map.of("claimId", claim, "partyId", parties[1], "stance", "denies",
                    "statedOn", "2021-04-02", "source", Map.of("articleId", article,
                            "quote", "denied that any civilians were near the depot"), "note", "Same day."));
            long id = created("createResponse", "/api/responses", body);
            json("createResponse", "POST", "/api/responses", Map.of("claimId", claim, "partyId", parties[1],
                    "stance", "shrugs", "statedOn", "2021-04-02", "source", Map.of("articleId", article, "quote", "x")), 400);
            readsOf("responses", "listResponses", "getResponse", "getResponseHistory", id, Map.of("ref", "r-1",
                    "claimId", "" + claim, "partyId", "" + parties[1], "stance", "denies", "from", "2021-01-01",
                    "to", "2021-12-31"));
            editsOf("responses", "updateResponse", "patchResponse", id, body, b -> {
                b.put("stance", 3);
                return b;
            }, "note", "stance");
            patch("patchResponse", "/api/responses/" + id, "{\"source\": {\"quote\": \"A spokesman denied\"}}", 422);
            long spare = created("createResponse", "/api/responses", Map.of("claimId", claim, "partyId", parties[0],
                    "stance", "assessing", "statedOn", "2021-04-02", "source", Map.of("articleId", article,
                            "quote", "Monitors counted")));
            delete("deleteResponse", "/api/responses/" + spare, 204);
        }

        void positions(long party, long incident) {
            expect("getIncident", viewer(), "GET", "/api/incidents/" + incident, 200);
            for (String status : List.of("", "?status=denied", "?status=unresolved", "?asOf=2021-04-02",
                    "?status=denied&asOf=2021-04-05&page=0&size=10")) {
                expect("listPartyClaims", viewer(), "GET", "/api/parties/" + party + "/claims" + status, 200);
            }
            expect("listPartyClaims", viewer(), "GET", "/api/parties/" + party + "/claims?status=lost", 400);
            expect("listPartyClaims", viewer(), "GET", "/api/parties/" + party + "/claims?scope=members&asOf=2030-01-01", 200);
            expect("listPartyClaims", viewer(), "GET", "/api/parties/" + party + "/claims?scope=parts", 200);
            expect("listPartyClaims", viewer(), "GET", "/api/parties/" + party + "/claims?scope=everyone", 400);
            expect("getPartySummary", viewer(), "GET", "/api/parties/" + party + "/summary?scope=members", 200);
            expect("listPartyClaims", viewer(), "GET", "/api/parties/99999999/claims", 404);
            expect("getPartySummary", viewer(), "GET", "/api/parties/" + party + "/summary", 200);
            expect("getPartySummary", viewer(), "GET", "/api/parties/" + party + "/summary?asOf=2021-04-02", 200);
            expect("getPartySummary", viewer(), "GET", "/api/parties/" + party + "/summary?asOf=yesterday", 400);
        }

        /** Recorded quotes as Web Annotations (both media types), and annotations imported as quote candidates. */
        void annotations(long party, long claim, long article) {
            expect("listAnnotations", viewer(), "GET", "/api/annotations", 200);
            expect("listAnnotations", viewer(), "GET", "/api/annotations?articleId=" + article, 200);
            expect("listAnnotations", viewer().accept("application/json"), "GET", "/api/annotations?claimId=" + claim, 200);
            expect("listAnnotations", viewer(), "GET", "/api/annotations?partyId=" + party + "&page=0&size=1", 200);
            expect("listAnnotations", viewer(), "GET", "/api/annotations?claimId=" + claim + "&page=1&size=1", 200);
            expect("listAnnotations", viewer(), "GET", "/api/annotations?page=99999&size=5", 200);
            expect("listAnnotations", viewer(), "GET", "/api/annotations?size=0", 400);
            expect("listAnnotations", viewer(), "GET", "/api/annotations?article=1", 400);
            expect("listAnnotations", as(null), "GET", "/api/annotations", 401);
            Response list = expect("listAnnotations", viewer(), "GET", "/api/annotations?articleId=" + article + "&page=0", 200);
            String iri = list.jsonPath().getString("items[0].id");
            String name = iri.substring(iri.lastIndexOf('/') + 1);
            expect("getAnnotation", viewer(), "GET", "/api/annotations/" + name, 200);
            expect("getAnnotation", viewer().accept("application/json"), "GET", "/api/annotations/" + name, 200);
            expect("getAnnotation", viewer(), "GET", "/api/annotations/response-99999999", 404);
            expect("getAnnotation", as(null), "GET", "/api/annotations/" + name, 401);
            String exported = list.asString();
            expect("importAnnotations", analyst().contentType("application/ld+json").body(exported), "POST",
                    "/api/annotations/import", 200);
            expect("importAnnotations", analyst().contentType("application/json").body("[{\"type\": \"Annotation\","
                    + " \"target\": {\"source\": \"https://nowhere.example.org/x\", \"selector\": {\"type\":"
                    + " \"TextQuoteSelector\", \"exact\": \"depot\"}}}]"), "POST", "/api/annotations/import", 422);
            expect("importAnnotations", analyst().contentType("application/json").body("{\"type\": "), "POST",
                    "/api/annotations/import", 400);
            expect("importAnnotations", viewer().contentType("application/json").body(exported), "POST",
                    "/api/annotations/import", 403);
        }

        void tokens() {
            Response made = expect("createToken", viewer().contentType("application/json")
                    .body(Map.of("name", "contract", "days", 1)), "POST", "/api/tokens", 201);
            expect("createToken", viewer().contentType("application/json").body(Map.of("days", 1000)), "POST",
                    "/api/tokens", 400);
            expect("listTokens", viewer(), "GET", "/api/tokens", 200);
            expect("listTokens", viewer(), "GET", "/api/tokens?size=1", 200);
            expect("deleteToken", viewer(), "DELETE", "/api/tokens/" + made.jsonPath().getLong("id"), 204);
            expect("deleteToken", viewer(), "DELETE", "/api/tokens/99999999", 404);
            // Revoking all tokens ends the caller's own: done with an account of its own.
            String throwaway = Accounts.token(
                    Accounts.create("viewer", "contract-revoke-password"));
            expect("deleteAllTokens", as(throwaway), "DELETE", "/api/tokens", 204);
            expect("deleteAllTokens", as(throwaway), "DELETE", "/api/tokens", 401);
        }

        void imports() {
            String rows = "{\"type\":\"party\",\"name\":\"" + unique("Imported") + "\",\"kind\":\"person\"}\n";
            Response checked = expect("importRecords", analyst().contentType("application/x-ndjson").body(rows.getBytes(StandardCharsets.UTF_8)),
                    "POST", "/api/import?dryRun=true", 200);
            expect("importRecords", analyst().contentType("application/x-ndjson").body("{\"type\":\"party\"}\n".getBytes(StandardCharsets.UTF_8)),
                    "POST", "/api/import", 422);
            expect("importRecords", analyst().contentType("text/csv").body("name,kind\nX,state\n".getBytes(StandardCharsets.UTF_8)),
                    "POST", "/api/import?type=planets", 400);
            expect("listImports", analyst(), "GET", "/api/imports", 200);
            expect("getImport", analyst(), "GET", "/api/imports/" + checked.jsonPath().getString("id"), 200);
            expect("getImport", analyst(), "GET", "/api/imports/no-such-import", 404);
            expect("listImports", viewer(), "GET", "/api/imports", 403);
        }

        /** Full-text search: hits of every kind with their snippets and facets, filters, and refusals. */
        void search(long party, long incident, long outlet) {
            expect("search", viewer(), "GET", "/api/search?q=depot", 200);
            expect("search", viewer(), "GET", "/api/search?q=%22struck%20the%20depot%22%20-bridge&page=0&size=5", 200);
            expect("search", viewer(), "GET", "/api/search?q=Hasajek", 200);
            expect("search", viewer(), "GET", "/api/search?q=Konashenkov&kind=party", 200);
            expect("search", viewer(), "GET", "/api/search?q=denied&kind=response&stance=denies&partyId=" + party, 200);
            expect("search", viewer(), "GET", "/api/search?q=depot&incidentId=" + incident + "&outletId=" + outlet
                    + "&from=2021-01-01&to=2021-12-31&claimKind=attack_attribution&grading=unassessed&position=denied", 200);
            expect("search", viewer(), "GET", "/api/search?q=the%20of", 200);
            expect("search", viewer(), "GET", "/api/search?q=Konashenkof", 200);
            expect("search", viewer(), "GET", "/api/search", 400);
            expect("search", viewer(), "GET", "/api/search?q=%20%20", 400);
            expect("search", viewer(), "GET", "/api/search?q=depot&kind=planet", 400);
            expect("search", viewer(), "GET", "/api/search?q=depot&nosuchfilter=1", 400);
            expect("search", as(null), "GET", "/api/search?q=depot", 401);
        }

        void reports(long party) {
            expect("listReports", viewer(), "GET", "/api/reports", 200);
            expect("exportReport", viewer(), "GET", "/api/reports/claim_positions?partyId=" + party, 200);
            expect("exportReport", viewer().accept("text/csv"), "GET", "/api/reports/position_summary", 200);
            expect("exportReport", viewer(), "GET", "/api/reports/claims?format=csv&from=2021-01-01&to=2021-12-31", 200);
            expect("exportReport", viewer(), "GET", "/api/reports/claim_positions?asOf=2021-04-02", 200);
            expect("exportReport", viewer(), "GET", "/api/reports/no_such_report", 404);
            expect("exportReport", viewer(), "GET", "/api/reports/claims?format=xml", 400);
            expect("exportEvents", viewer(), "GET", "/api/exports/events.csv", 200);
            expect("exportEvents", viewer().accept("text/csv"), "GET", "/api/exports/events.csv?partyId=" + party
                    + "&from=2021-01-01&to=2021-12-31", 200);
            expect("exportEvents", viewer(), "GET", "/api/exports/events.csv?from=soon", 400);
            expect("exportEvents", as(null), "GET", "/api/exports/events.csv", 401);
            expect("exportClaimReviews", viewer(), "GET", "/api/exports/claimreview.jsonl", 200);
            expect("exportClaimReviews", viewer(), "GET", "/api/exports/claimreview.jsonl?page=1", 400);
            expect("exportClaimReviews", as(null), "GET", "/api/exports/claimreview.jsonl", 401);
        }
    }
}
