package org.claimtracker.api;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.DAY;
import static org.claimtracker.support.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * What the API takes is exactly what its description says: no coercion of JSON types, no
 * duplicate keys or trailing data, only well-formed UTF-8, no text PostgreSQL cannot store, no
 * query parameter an operation does not take, and If-Match never "*". Merge patches change only
 * what they name.
 */
@QuarkusTest
class StrictInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Response postRaw(String path, byte[] body) {
        return given().contentType("application/json").body(body).post(path);
    }

    @Test
    void jsonTypesAreNotCoerced() {
        Fixtures.post("/api/outlets", Map.of("name", 12, "kind", "blog")).statusCode(400)
                .body("field", is("name")).body("detail", containsString("string"));
        Fixtures.post("/api/outlets", Map.of("name", true, "kind", "blog")).statusCode(400).body("field", is("name"));
        long party = Fixtures.state("Claimant");
        Map<String, Object> claim = new java.util.HashMap<>(Map.of("claimantId", party, "proposition", "p",
                "kind", "casualties", "statedOn", DAY.toString(), "sources", List.of()));
        claim.put("casualtiesLow", "12");
        Fixtures.post("/api/claims", claim).statusCode(400).body("field", is("casualtiesLow"));
        claim.put("casualtiesLow", 1.5);
        Fixtures.post("/api/claims", claim).statusCode(400).body("field", is("casualtiesLow"));
        claim.put("casualtiesLow", 1);
        claim.put("kind", 0);
        Fixtures.post("/api/claims", claim).statusCode(400).body("field", is("kind"));
        Fixtures.post("/api/outlets", Map.of("name", unique("Typed"), "kind", "blog", "notes", List.of("a")))
                .statusCode(400).body("field", is("notes"));
    }

    @Test
    void duplicateKeysAndTrailingDataAreRefused() {
        String name = unique("Dup");
        postRaw("/api/outlets", ("{\"name\":\"" + name + "\",\"name\":\"other\",\"kind\":\"blog\"}")
                .getBytes(StandardCharsets.UTF_8)).then().statusCode(400).body("field", is("name"))
                .body("detail", containsString("more than once"));
        postRaw("/api/outlets", ("{\"name\":\"" + name + "\",\"kind\":\"blog\"} {\"name\":\"x\"}").getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body("detail", containsString("more than one JSON value"));
        postRaw("/api/outlets", ("{\"name\":\"" + name + "\",\"kind\":\"blog\"} garbage").getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body("detail", containsString("not well-formed JSON"));
        given().queryParam("q", name).get("/api/outlets").then().body("total", is(0));
    }

    @Test
    void onlyWellFormedUtf8IsRead() {
        String name = unique("Enc");
        byte[] prefix = ("{\"kind\":\"blog\",\"name\":\"" + name + " ").getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88},
                new byte[] {(byte) 0xE2, (byte) 0x82})) {
            byte[] body = new byte[prefix.length + bad.length + 2];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(bad, 0, body, prefix.length, bad.length);
            body[body.length - 2] = '"';
            body[body.length - 1] = '}';
            postRaw("/api/outlets", body).then().statusCode(400).body("detail", containsString("not valid UTF-8"));
        }
        postRaw("/api/outlets", ("{\"kind\":\"blog\",\"name\":\"" + name + " \\ud800\"}").getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body("field", is("name")).body("detail", containsString("surrogate"));
        given().queryParam("q", name).get("/api/outlets").then().body("total", is(0));
        postRaw("/api/outlets", ("{\"kind\":\"blog\",\"name\":\"" + name + " \u00e9\u4e2d\ud83d\ude00\"}")
                .getBytes(StandardCharsets.UTF_8)).then().statusCode(201).body("name", is(name + " \u00e9\u4e2d\ud83d\ude00"));
    }

    @Test
    void unknownQueryParametersAreRefusedByName() {
        given().queryParam("qq", "deny").get("/api/responses").then().statusCode(400).body("field", is("qq"))
                .body("detail", containsString("claimId"));
        given().queryParam("sort", "name").get("/api/parties").then().statusCode(400).body("field", is("sort"));
        given().queryParam("verbose", "1").get("/api/outlets/1").then().statusCode(400).body("field", is("verbose"));
        given().queryParam("q", "x").queryParam("page", "0").get("/api/parties").then().statusCode(200);
    }

    @Test
    void ifMatchStarIsRefused() {
        long id = Fixtures.outlet();
        given().contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("name", unique("Star"), "kind", "blog"))
                .put("/api/outlets/" + id).then().statusCode(428).body("field", is("If-Match"));
        given().header("If-Match", "*").delete("/api/outlets/" + id).then().statusCode(428);
        given().get("/api/outlets/" + id).then().statusCode(200).body("version", is(0));
    }

    @Test
    void mergePatchChangesOnlyWhatItNames() {
        String name = unique("Patched");
        String domain = java.util.UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        long id = Fixtures.created("/api/outlets", Map.of("name", name, "kind", "news_site", "domain", domain,
                "country", "GB", "notes", "Keep me."));
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"notes\": null, \"country\": \"FR\"}")
                .patch("/api/outlets/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", is(name)).body("domain", is(domain)).body("country", is("FR")).body("notes", nullValue());
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body("{\"name\": null}")
                .patch("/api/outlets/" + id).then().statusCode(400).body("field", is("name"));
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"notes\": \"late\"}")
                .patch("/api/outlets/" + id).then().statusCode(412);
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body("[1]")
                .patch("/api/outlets/" + id).then().statusCode(400);
        given().contentType("application/json").header("If-Match", "\"1\"").body("{\"notes\": \"x\"}")
                .patch("/api/outlets/" + id).then().statusCode(415);
        given().get("/api/outlets/" + id).then().body("version", is(1)).body("notes", nullValue());
    }

    @Test
    void aClaimKeepsItsSourcesUnlessTheyAreReplaced() {
        long article = Fixtures.article("The minister said the jets struck the bridge at night.", DAY);
        long claimant = Fixtures.state("Minister");
        long id = Fixtures.claim(claimant, null, article, "the jets struck the bridge", DAY);
        Map<String, Object> noSources = new java.util.HashMap<>(Map.of("claimantId", claimant, "proposition", unique("Bridge"),
                "kind", "attack_attribution", "statedOn", DAY.toString()));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(noSources).put("/api/claims/" + id)
                .then().statusCode(400).body("field", is("sources"));
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"gradingNote\": \"One source.\"}").patch("/api/claims/" + id).then().statusCode(200)
                .body("sources", hasSize(1)).body("sources[0].quote", is("the jets struck the bridge"))
                .body("gradingNote", is("One source."));
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body("{\"sources\": null}")
                .patch("/api/claims/" + id).then().statusCode(400).body("field", is("sources"));
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"sources\": [{\"articleId\": " + article + ", \"quote\": \"at night\"}]}")
                .patch("/api/claims/" + id).then().statusCode(200).body("sources", hasSize(1))
                .body("sources[0].quote", is("at night"));
    }

    /**
     * Every text query parameter and every text field of every request body the description lists
     * is sent a NUL character: each answer is a 400 naming it, and nothing is stored.
     */
    @Test
    void aNulCharacterIsRefusedInEveryTextTheApiTakes() throws Exception {
        JsonNode description = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        long party = Fixtures.state("Nul");
        long outlet = Fixtures.outlet();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (var path : iterable(description.path("paths").fields())) {
            for (var entry : iterable(path.getValue().fields())) {
                String method = entry.getKey().toUpperCase();
                JsonNode operation = entry.getValue();
                String address = path.getKey().replace("{id}", Long.toString(method.equals("GET") ? party : outlet))
                        .replace("{membershipId}", "1").replace("{name}", "claims");
                if (!address.startsWith("/api/")) {
                    continue;
                }
                for (JsonNode parameter : operation.path("parameters")) {
                    if (parameter.path("in").asText().equals("query")
                            && resolve(description, parameter.path("schema")).path("type").asText().equals("string")) {
                        String name = parameter.path("name").asText();
                        var request = given().urlEncodingEnabled(false).accept("*/*");
                        var bodyTypes = operation.path("requestBody").path("content").fieldNames();
                        if (bodyTypes.hasNext()) {
                            request = request.contentType(bodyTypes.next()).body(new byte[0]);
                        }
                        Response answer = request.request(method, address + "?" + name + "=a%00b");
                        checked++;
                        check(failures, method + " " + address + " ?" + name, answer, name);
                    }
                }
                for (var media : iterable(operation.path("requestBody").path("content").fields())) {
                    if (!media.getKey().endsWith("json")) {
                        continue;
                    }
                    for (String field : textFields(description, media.getValue().path("schema"), "")) {
                        String body = nest(field, "\"a\\u0000b\"");
                        Response answer = given().contentType(media.getKey()).header("If-Match", "\"0\"").body(body)
                                .request(method, address);
                        checked++;
                        check(failures, method + " " + address + " " + field, answer, field);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked > 80, "only " + checked + " texts were tried");
        try (Connection db = TestDatabase.connect();
                ResultSet rows = db.createStatement().executeQuery(
                        "select count(*) from audit_log where coalesce(after::text, '') like '%a\\\\u0000b%'")) {
            rows.next();
            assertEquals(0, rows.getInt(1));
        }
    }

    @Test
    void aNulCharacterIsRefusedInTheAdminPagesToo() {
        // The session is its cookie and the login-time cookie beside it.
        Map<String, String> session = given().auth().none().redirects().follow(false)
                .formParam("j_username", Logins.VIEWER).formParam("j_password", Logins.VIEWER_PASSWORD)
                .post("/j_security_check").then().extract().cookies();
        for (String page : List.of("/admin/parties?q=a%00b", "/admin/claims?q=a%00b", "/admin/articles?q=a%00b",
                "/admin/outlets?q=a%00b", "/admin/incidents?q=a%00b", "/admin/history?actor=a%00b",
                "/admin/parties/suggest?q=a%00b", "/admin/claims/suggest?q=a%00b")) {
            given().auth().none().urlEncodingEnabled(false).cookies(session).redirects().follow(false)
                    .get(page).then().statusCode(400).body(containsString("NUL"));
        }
    }

    private static void check(List<String> failures, String what, Response answer, String field) {
        String problemField = answer.getContentType().contains("json") ? answer.jsonPath().getString("field") : null;
        if (answer.statusCode() != 400 || !field.equals(problemField)) {
            failures.add(what + ": " + answer.statusCode() + " " + answer.asString());
        }
    }

    /** The JSON body that sets only {@code field} (a path such as source.quote or aliases[0]). */
    private static String nest(String field, String value) {
        int dot = field.indexOf('.');
        String head = dot < 0 ? field : field.substring(0, dot);
        String inner = dot < 0 ? value : nest(field.substring(dot + 1), value);
        if (head.endsWith("[0]")) {
            return "{\"" + head.substring(0, head.length() - 3) + "\": [" + inner + "]}";
        }
        return "{\"" + head + "\": " + inner + "}";
    }

    /** The paths of every text a request body schema holds, through objects and lists. */
    private static List<String> textFields(JsonNode description, JsonNode schema, String prefix) {
        List<String> fields = new ArrayList<>();
        JsonNode resolved = resolve(description, schema);
        for (var property : iterable(resolved.path("properties").fields())) {
            JsonNode value = resolve(description, property.getValue());
            String path = prefix + property.getKey();
            if (isText(value)) {
                fields.add(path);
            } else if (isType(value, "array")) {
                JsonNode items = resolve(description, value.path("items"));
                if (isText(items)) {
                    fields.add(path + "[0]");
                } else {
                    fields.addAll(textFields(description, items, path + "[0].").stream()
                            .filter(f -> !f.contains("[0].") || f.indexOf("[0].") == path.length()).toList());
                }
            } else if (value.has("properties")) {
                fields.addAll(textFields(description, value, path + "."));
            }
        }
        return fields;
    }

    private static boolean isText(JsonNode schema) {
        return isType(schema, "string") && !schema.has("enum") && !"date".equals(schema.path("format").asText());
    }

    private static boolean isType(JsonNode schema, String type) {
        JsonNode declared = schema.path("type");
        if (declared.isArray()) {
            for (JsonNode t : declared) {
                if (t.asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return declared.asText().equals(type);
    }

    /** Follows $ref, and the non-null branch of anyOf [X, null]. */
    private static JsonNode resolve(JsonNode description, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return resolve(description, description.path("components").path("schemas").path(name));
        }
        if (schema.has("anyOf")) {
            for (JsonNode branch : schema.get("anyOf")) {
                if (!branch.path("type").asText().equals("null")) {
                    return resolve(description, branch);
                }
            }
        }
        return schema;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }

    @Test
    void theDescriptionSaysWhatRequestBodiesRefuse() {
        given().accept("application/json").get("/q/openapi?format=json").then()
                .body("components.schemas.OutletRequest.additionalProperties", is(false))
                .body("components.schemas.OutletView.required", hasSize(9))
                .body("components.schemas.OutletView.properties.domain.type", org.hamcrest.Matchers.hasItem("null"))
                .body("paths.'/api/outlets'.post.responses.'201'.headers.Location", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/outlets/{id}'.get.responses.'200'.headers.ETag", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/outlets'.get.responses.'401'.content.'application/problem+json'",
                        org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/outlets'.get.security[0].bearerToken", org.hamcrest.Matchers.notNullValue())
                .body("components.schemas.findAll { it.key == 'JsonNode' }", is(Map.of()))
                .body("paths.'/api/outlets/{id}'.patch.requestBody.content.'application/merge-patch+json'.schema.'$ref'",
                        is("#/components/schemas/OutletRequestPatch"))
                .body("components.schemas.OutletRequestPatch.required", nullValue());
        given().accept("application/json").get("/q/openapi?format=json").then()
                .body("paths.values().collectMany { it.values() }.findAll { it.operationId == null }", empty());
    }
}
