package org.claimtracker.replica;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The replica's place in the readiness report, where no replica is configured (the tests' case). */
@QuarkusTest
class ReplicaHealthTest {

    @Test
    void readinessSaysWhereReportReadsGo() {
        given().auth().none().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == '" + ReplicaHealthCheck.NAME + "' }.status", org.hamcrest.Matchers.is("UP"))
                .body("checks.find { it.name == '" + ReplicaHealthCheck.NAME + "' }.data.status",
                        org.hamcrest.Matchers.is("not-configured"))
                .body("checks.find { it.name == '" + ReplicaHealthCheck.NAME + "' }.data.reportReads",
                        org.hamcrest.Matchers.is("primary"))
                .body("checks.name", hasItem(ReplicaHealthCheck.NAME));
    }
}
