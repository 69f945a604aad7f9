package org.claimtracker.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void theApiIsDescribedWithTypedParametersAndProblemResponses() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/outlets", "/api/articles/{id}", "/api/parties/{id}/claims",
                        "/api/parties/{id}/summary", "/api/incidents/{id}", "/api/claims/{id}", "/api/responses"))
                .body("paths.'/api/parties/{id}/claims'.get.parameters.find { it.name == 'size' }.schema.type",
                        is("integer"))
                .body("paths.'/api/parties/{id}/claims'.get.parameters.find { it.name == 'asOf' }.schema.format",
                        is("date"))
                .body("paths.'/api/claims'.post.responses.'422'.content.'application/problem+json'", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void healthIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check"));
    }
}
