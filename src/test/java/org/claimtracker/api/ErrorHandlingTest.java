package org.claimtracker.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a 4xx problem document that names the field, and no class names. */
@QuarkusTest
class ErrorHandlingTest {

    @Test
    void malformedJsonIs400() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\",").post("/api/outlets").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", is("Malformed request body"))
                .body("detail", not(containsString("jackson")));
    }

    @Test
    void aWrongTypeNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"outletId\": \"seven\", \"title\": \"t\"}").post("/api/articles")
                .then().statusCode(400).body("field", is("outletId")).body("detail", containsString("whole number"));
        given().contentType(ContentType.JSON).body("{\"claimId\": 1, \"partyId\": 1, \"stance\": \"denies\","
                + " \"statedOn\": \"2020-13-01\"}").post("/api/responses").then().statusCode(400)
                .body("field", is("statedOn"));
        given().contentType(ContentType.JSON).body("{\"sources\": [{\"articleId\": 1, \"quote\": \"q\", \"start\": \"x\"}]}")
                .post("/api/claims").then().statusCode(400).body("field", is("sources[0].start"));
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanIgnored() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"kind\": \"blog\", \"createdBy\": \"me\"}")
                .post("/api/outlets").then().statusCode(400).body("field", is("createdBy"));
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        given().contentType(ContentType.JSON).body("[1, 2]").post("/api/outlets").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("\"text\"").post("/api/outlets").then().statusCode(400);
    }

    @Test
    void overLongStringsAreNamed() {
        given().contentType(ContentType.JSON).body("{\"name\": \"" + "n".repeat(201) + "\", \"kind\": \"blog\"}")
                .post("/api/outlets").then().statusCode(400).body("field", is("name"));
    }

    @Test
    void wrongMediaTypeMethodAndAddressAreProblemsToo() {
        given().contentType(ContentType.TEXT).body("name=x").post("/api/outlets").then().statusCode(415)
                .contentType("application/problem+json");
        given().patch("/api/outlets").then().statusCode(405).contentType("application/problem+json");
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void injectionStringsAreStoredAsTextAndSearchedAsText() {
        String hostile = "Robert'); drop table outlet; -- <script>alert(1)</script> " + System.nanoTime();
        given().contentType(ContentType.JSON).body(java.util.Map.of("name", hostile, "kind", "blog"))
                .post("/api/outlets").then().statusCode(201).body("name", is(hostile));
        given().queryParam("q", "'); drop table outlet; --").get("/api/outlets").then().statusCode(200)
                .body("total", is(1));
        given().queryParam("q", "%").get("/api/outlets").then().statusCode(200);
    }
}
