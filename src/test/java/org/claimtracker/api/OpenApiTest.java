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

    /**
     * A field a request must carry is not nullable in the request body, and may be null only in the
     * merge patch derived from it (where null clears a field); the record's operations are named per kind.
     */
    @Test
    void requiredRequestFieldsAreNotNullableButTheirPatchesAre() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.PartyRequest.properties.name.type", is("string"))
                .body("components.schemas.PartyRequestPatch.properties.name.type", hasItems("string", "null"))
                .body("components.schemas.ClaimRequest.properties.claimantId.type", is("integer"))
                .body("components.schemas.ClaimRequest.properties.speakerId.type", hasItems("integer", "null"))
                .body("paths.'/api/parties/{id}'.put.operationId", is("updateParty"))
                .body("paths.'/api/parties/{id}'.patch.requestBody.content.'application/merge-patch+json'.schema.'$ref'",
                        is("#/components/schemas/PartyRequestPatch"))
                .body("paths.'/api/claims'.post.operationId", is("createClaim"))
                .body("paths.'/api/claims'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/ClaimDetail"))
                .body("paths.'/api/responses/{id}/history'.get.operationId", is("getResponseHistory"));
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
