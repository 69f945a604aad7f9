package org.claimtracker.outlet;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.post;
import static org.claimtracker.support.Fixtures.put;
import static org.claimtracker.support.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutletApiTest {

    private static Map<String, Object> body(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "wire_agency");
        body.put("country", "FR");
        return body;
    }

    @Test
    void createsReadsUpdatesAndDeletes() {
        String name = unique("Agency");
        Map<String, Object> body = body(name);
        body.put("domain", "agency-" + System.nanoTime() + ".example");
        String location = post("/api/outlets", body).statusCode(201)
                .header("Location", containsString("/api/outlets/"))
                .body("name", is(name))
                .body("version", is(0))
                .body("audit.createdBy", is("analyst"))
                .extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        given().get("/api/outlets/" + id).then().statusCode(200)
                .body("kind", is("wire_agency")).body("country", is("FR")).body("articleCount", is(0));

        body.put("name", name + " renamed");
        body.put("version", 0);
        put("/api/outlets/" + id, body).statusCode(200).body("name", endsWith("renamed")).body("version", is(1));

        Fixtures.delete("/api/outlets/" + id).statusCode(204);
        given().get("/api/outlets/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void namesAreUniqueIgnoringCaseAndSpaces() {
        String name = unique("Daily");
        created("/api/outlets", body(name));
        post("/api/outlets", body("  " + name.toUpperCase() + " ")).statusCode(409)
                .contentType("application/problem+json").body("field", is("name"));
    }

    @Test
    void aStaleVersionIsRefusedAndOverwritesNothing() {
        String name = unique("Herald");
        long id = created("/api/outlets", body(name));
        Map<String, Object> first = body(name + " first");
        first.put("version", 0);
        put("/api/outlets/" + id, first).statusCode(200);
        Map<String, Object> stale = body(name + " stale");
        stale.put("version", 0);
        put("/api/outlets/" + id, stale).statusCode(412).body("field", is("version"));
        given().get("/api/outlets/" + id).then().body("name", is(name + " first"));
    }

    @Test
    void listsFilterAndPage() {
        String tag = unique("Filterable");
        created("/api/outlets", Map.of("name", tag + " one", "kind", "blog"));
        created("/api/outlets", Map.of("name", tag + " two", "kind", "blog"));
        created("/api/outlets", Map.of("name", tag + " three", "kind", "state_media"));

        given().queryParam("q", tag.toLowerCase()).queryParam("kind", "blog").get("/api/outlets").then().statusCode(200)
                .body("total", is(2)).body("items.name", contains(tag + " one", tag + " two"));
        given().queryParam("q", tag).queryParam("size", 2).queryParam("page", 1).get("/api/outlets").then()
                .body("total", is(3)).body("page", is(1)).body("size", is(2)).body("items", hasSize(1));
        given().queryParam("kind", "tabloid").get("/api/outlets").then().statusCode(400).body("field", is("kind"));
    }

    @Test
    void invalidFieldsAreNamed() {
        Map<String, Object> badDomain = body(unique("Bad"));
        badDomain.put("domain", "not a domain");
        post("/api/outlets", badDomain).statusCode(400).body("field", is("domain"));
        Map<String, Object> badCountry = body(unique("Bad"));
        badCountry.put("country", "France");
        post("/api/outlets", badCountry).statusCode(400).body("field", is("country"));
        post("/api/outlets", Map.of("name", unique("No kind"))).statusCode(400).body("field", is("kind"));
    }

    @Test
    void anOutletWithArticlesCannotBeDeleted() {
        long outlet = Fixtures.outlet();
        created("/api/articles", Fixtures.articleBody(outlet, unique("Some text"), LocalDate.of(2020, 1, 1)));
        given().get("/api/outlets/" + outlet).then().body("articleCount", is(1));
        Fixtures.delete("/api/outlets/" + outlet).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("articles"));
        given().get("/api/outlets/" + outlet).then().statusCode(200);
    }

    @Test
    void unknownIdsAre404AndNonNumericIdsToo() {
        given().get("/api/outlets/99999999").then().statusCode(404).body("status", is(404));
        given().get("/api/outlets/abc").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body(unique("Ghost"))).put("/api/outlets/99999999").then()
                .statusCode(404);
        Fixtures.delete("/api/outlets/99999999").statusCode(404);
    }
}
