package org.claimtracker.importer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk import through the API: what it writes, what it refuses, and that a refusal writes nothing. */
@QuarkusTest
class ImportApiTest {

    private static final String TEXT = "Officials said the air force of Aland bombed the market of Tarn on Monday."
            + "\nThe Bland Front denied any role in the attack. A monitor confirmed the strike.";

    private String k;

    @BeforeEach
    void names() {
        k = UUID.randomUUID().toString().substring(0, 8);
    }

    /** One outlet, two parties, an article, a claim and two responses, written as an analyst would. */
    private String story() {
        return String.join("\n",
                "{\"type\":\"outlet\",\"name\":\"Times " + k + "\",\"domain\":\"t" + k + ".example.org\",\"kind\":\"news_site\"}",
                "{\"type\":\"party\",\"name\":\"Aland " + k + "\",\"kind\":\"state\",\"aliases\":[\"AL " + k + "\"]}",
                "{\"type\":\"party\",\"name\":\"Bland Front " + k + "\",\"kind\":\"armed_group\",\"parent\":\"AL " + k + "\"}",
                "{\"type\":\"article\",\"outlet\":\"Times " + k + "\",\"title\":\"Market strike\",\"publishedOn\":\"2019-05-02\","
                        + "\"url\":\"https://t" + k + ".example.org/a\",\"text\":" + json(TEXT + " " + k) + "}",
                "",
                "{\"type\":\"claim\",\"ref\":\"imp-" + k + "\",\"claimant\":\"Aland " + k + "\",\"addressedParty\":\"Bland Front " + k
                        + "\",\"proposition\":\"The Bland Front bombed Tarn market\",\"kind\":\"attack_attribution\","
                        + "\"statedOn\":\"2019-05-02\",\"sources\":[{\"article\":\"https://t" + k + ".example.org/a\","
                        + "\"quote\":\"bombed the market of Tarn\"}]}",
                "{\"type\":\"response\",\"ref\":\"imp-r-" + k + "\",\"claim\":\"imp-" + k + "\",\"party\":\"Bland Front " + k + "\","
                        + "\"stance\":\"assessing\",\"statedOn\":\"2019-05-02\",\"article\":\"https://t" + k + ".example.org/a\","
                        + "\"quote\":\"A monitor confirmed the strike.\"}",
                "{\"type\":\"response\",\"claim\":\"imp-" + k + "\",\"party\":\"Bland Front " + k + "\",\"stance\":\"denies\","
                        + "\"statedOn\":\"2019-05-03\",\"article\":\"https://t" + k + ".example.org/a\","
                        + "\"quote\":\"denied any role\",\"quoteStart\":" + (TEXT.indexOf("denied any role")) + "}");
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private ValidatableResponse importBody(String contentType, String body, String query) {
        return given().contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/import" + query).then();
    }

    private long partyId(String name) {
        return given().queryParam("q", name).when().get("/api/parties").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
    }

    private int partiesNamed(String text) {
        return given().queryParam("q", text).when().get("/api/parties").then().statusCode(200)
                .extract().jsonPath().getInt("total");
    }

    @Test
    void aJsonLinesImportWritesEveryRecordAndThePositionsFollow() {
        importBody("application/x-ndjson", story(), "").statusCode(200)
                .body("state", is("imported"))
                .body("rowsRead", is(7))
                .body("created.outlet", is(1))
                .body("created.party", is(2))
                .body("created.party_alias", is(1))
                .body("created.article", is(1))
                .body("created.claim", is(1))
                .body("created.claim_source", is(1))
                .body("created.response", is(2))
                .body("percent", is(100));

        long front = partyId("Bland Front " + k);
        given().when().get("/api/parties/" + front).then().statusCode(200)
                .body("parent.name", is("Aland " + k));
        given().when().get("/api/parties/" + front + "/claims?status=denied").then().statusCode(200)
                .body("total", is(1))
                .body("items[0].ref", is("imp-" + k))
                .body("items[0].latestResponse.quote", is("denied any role"));
        long claim = given().queryParam("ref", "imp-" + k).when().get("/api/claims").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        given().when().get("/api/claims/" + claim).then().statusCode(200)
                .body("sources[0].quote", is("bombed the market of Tarn"))
                .body("sources[0].start", is(TEXT.indexOf("bombed the market of Tarn")));
        // the audit trail names who imported
        given().when().get("/api/claims/" + claim + "/history").then().statusCode(200)
                .body("items.actor", contains(Logins.ANALYST, Logins.ANALYST))
                .body("items.table", contains("claim", "claim_source"));
    }

    /** Commentary imported in bulk gives nobody a position unless asked for, as when it is recorded one by one. */
    @Test
    void importedCommentaryGivesNoPositionUnlessAskedFor() {
        importBody("application/x-ndjson", story().replace("\"kind\":\"attack_attribution\"", "\"kind\":\"commentary\""), "")
                .statusCode(200).body("state", is("imported")).body("created.claim", is(1));
        given().queryParam("ref", "imp-" + k).when().get("/api/claims").then().statusCode(200)
                .body("items[0].kind", is("commentary"));
        long front = partyId("Bland Front " + k);
        given().when().get("/api/parties/" + front + "/claims").then().statusCode(200).body("total", is(0));
        given().when().get("/api/parties/" + front + "/claims?commentary=true&status=denied").then().statusCode(200)
                .body("total", is(1)).body("items[0].ref", is("imp-" + k));
    }

    @Test
    void badRowsAreAllReportedWithTheirLinesAndNothingIsWritten() {
        String body = story() + "\n" + String.join("\n",
                "{\"type\":\"claim\",\"claimant\":\"Nobody " + k + "\",\"proposition\":\"x\",\"kind\":\"attack\","
                        + "\"statedOn\":\"2019-02-30\",\"sources\":[{\"article\":\"https://t" + k + ".example.org/a\",\"quote\":\"x\"}]}",
                "not json at all",
                "{\"type\":\"response\",\"claim\":\"imp-" + k + "\",\"party\":\"Cland " + k + "\",\"stance\":\"denies\","
                        + "\"statedOn\":\"2019-05-03\",\"article\":\"https://t" + k + ".example.org/a\",\"quote\":\"not in the text\"}",
                "{\"type\":\"outlet\",\"name\":\"times " + k + "\",\"kind\":\"news_site\"}",
                "{\"type\":\"party\",\"name\":\"Dland " + k + "\",\"kind\":\"state\",\"colour\":\"red\"}");
        importBody("application/x-ndjson", body, "").statusCode(422)
                .contentType("application/problem+json")
                .body("title", is("Import refused"))
                .body("badRows", is(5))
                .body("field", is("kind"))
                .body("detail", containsString("nothing was imported"))
                .body("errors.line", contains(9, 9, 10, 11, 11, 12, 13))
                .body("errors.field", contains("kind", "statedOn", null, "party", "quote", "name", "colour"))
                .body("errors[5].message", containsString("repeats the outlet name on line 1"))
                .body("errors[3].message", is("no party is named Cland " + k));
        assertEquals(0, partiesNamed(k));
    }

    @Test
    void aQuoteNotAtItsGivenOffsetIsRefusedWithItsLine() {
        String body = story().replace("\"quoteStart\":" + TEXT.indexOf("denied any role"), "\"quoteStart\":3");
        importBody("application/x-ndjson", body, "").statusCode(422)
                .body("errors[0].line", is(8))
                .body("errors[0].field", is("quoteStart"))
                .body("errors[0].message", containsString("not found at offset 3"));
        assertEquals(0, partiesNamed(k));
    }

    @Test
    void aDryRunChecksAndCountsButWritesNothing() {
        importBody("application/jsonl", story(), "?dryRun=true").statusCode(200)
                .body("state", is("checked"))
                .body("created.response", is(2));
        assertEquals(0, partiesNamed(k));
    }

    @Test
    void csvFilesImportPartiesAndClaimsWithQuotedCellsAndReferToStoredRecords() {
        importBody("application/x-ndjson", story(), "").statusCode(200);
        String parties = "name,kind,parent,aliases\r\n"
                + "\"Cland, " + k + "\",armed_group,Aland " + k + ",\"CL " + k + ";C-land " + k + "\"\r\n"
                + "Dland " + k + ",state,,\r\n";
        importBody("text/csv", parties, "?type=parties").statusCode(200).body("created.party", is(2))
                .body("created.party_alias", is(2));
        String claims = "ref,claimant,addressedParty,proposition,kind,statedOn,article,quote\n"
                + "csv-" + k + ",Dland " + k + ",CL " + k + ",\"Cland said \"\"no\"\",\nthen yes\",other,2019-05-04,"
                + "https://t" + k + ".example.org/a,The Bland Front\n";
        importBody("text/csv", claims, "?type=claims").statusCode(200).body("created.claim", is(1));
        long cland = partyId("Cland, " + k);
        given().when().get("/api/parties/" + cland + "/claims?status=unresolved").then().statusCode(200)
                .body("items[0].proposition", is("Cland said \"no\",\nthen yes"));
    }

    @Test
    void aCsvWithoutAKnownTypeIsABadRequestOrABadRow() {
        importBody("text/csv", "name,kind\nX,state\n", "?type=planets").statusCode(400)
                .contentType("application/problem+json").body("field", is("type"));
        importBody("text/csv", "name,kind\nX " + k + ",state\n", "").statusCode(422)
                .body("errors[0].message", containsString("no 'type' column"));
        importBody("text/csv", "type,name,kind\nparty,\"X " + k + "\",state,extra\n", "").statusCode(422)
                .body("errors[0].line", is(2)).body("errors[0].message", containsString("has 4 cells but the header has 3"));
        assertEquals(0, partiesNamed(k));
    }

    @Test
    void viewersMayNotImportAndTheImportsListShowsFinishedImports() {
        given().auth().oauth2(Logins.viewerToken()).contentType("application/x-ndjson").body(story().getBytes())
                .when().post("/api/import").then().statusCode(403);
        String id = importBody("application/x-ndjson", story(), "").statusCode(200).extract().path("id");
        given().when().get("/api/imports").then().statusCode(200).body("id", hasItem(id));
        given().when().get("/api/imports/" + id).then().statusCode(200)
                .body("state", is("imported")).body("actor", equalTo(Logins.ANALYST)).body("sources", is(List.of("body")));
        given().when().get("/api/imports/no-such-import").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void otherEndpointsRefuseStreamedBodiesButTheImportTakesThem() throws Exception {
        // A body from an InputStream goes chunked, without Content-Length.
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.util.function.BiFunction<String, String, java.net.http.HttpRequest> streamed = (path, body) ->
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + path))
                .header("Authorization", "Bearer " + Logins.token(Logins.ANALYST, Logins.ANALYST_PASSWORD))
                .header("Content-Type", path.equals("/api/import") ? "application/x-ndjson" : "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        var refused = client.send(streamed.apply("/api/parties", "{}"), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(411, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        var imported = client.send(streamed.apply("/api/import", story()), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(1, partiesNamed("Bland Front " + k));
    }
}
