package org.claimtracker.picture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.claimtracker.support.Accounts;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.claimtracker.support.SqlStatementCounter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The party's and the dashboard's pictures as files: well-formed SVG, image/svg+xml, attachments,
 * with the session; problem documents naming the field for a wrong picture name or date.
 */
@QuarkusTest
class ChartSvgRoutesTest {

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        return doc;
    }

    @Test
    void aPartysPicturesDownloadAsSvgFilesAsOfADate() throws Exception {
        long article = Fixtures.article("The ministry said enemy jets struck the bridge at dawn. We deny it.", Fixtures.DAY.plusDays(40));
        String name = Fixtures.unique("<script>alert(1)</script> & Kingdom");
        long party = Fixtures.created("/api/parties", Map.of("name", name, "kind", "state"));
        long claim = Fixtures.claim(Fixtures.state("Republic"), party, article, "enemy jets struck the bridge", Fixtures.DAY);
        Fixtures.response(claim, party, "denies", Fixtures.DAY.plusDays(40), article, "We deny it.");
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);

        String svg = given().auth().none().cookies(session).get("/admin/parties/" + party + "/positions.svg").then()
                .statusCode(200).contentType(startsWith("image/svg+xml"))
                .header("Content-Disposition", is("attachment; filename=\"party-" + party + "-positions.svg\""))
                .extract().asString();
        Document doc = parse(svg);
        NodeList links = doc.getElementsByTagName("a");
        assertEquals(1, links.getLength());
        String href = links.item(0).getAttributes().getNamedItem("href").getNodeValue();
        assertTrue(href.startsWith("http") && href.endsWith("/admin/parties/" + party + "?status=denied#claims"), href);
        assertTrue(doc.getElementsByTagName("title").item(0).getTextContent().contains(name));
        assertEquals(0, doc.getElementsByTagName("script").getLength());

        // As of a day before the denial: the claim was unresolved, in the month it was stated.
        String asOf = Fixtures.DAY.plusDays(1).toString();
        Document months = parse(given().auth().none().cookies(session).queryParam("asOf", asOf)
                .get("/admin/parties/" + party + "/months.svg").then().statusCode(200)
                .header("Content-Disposition", is("attachment; filename=\"party-" + party + "-months.svg\""))
                .extract().asString());
        NodeList marks = months.getElementsByTagName("a");
        assertEquals(1, marks.getLength());
        NodeList rects = months.getElementsByTagName("rect");
        long unresolved = 0;
        long parts = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            String cls = rects.item(i).getAttributes().getNamedItem("class") == null ? ""
                    : rects.item(i).getAttributes().getNamedItem("class").getNodeValue();
            parts += cls.startsWith("mark seg ") ? 1 : 0;
            unresolved += cls.equals("mark seg series-unresolved") ? 1 : 0;
        }
        assertEquals(1, parts);
        assertEquals(1, unresolved);
        assertTrue(marks.item(0).getAttributes().getNamedItem("href").getNodeValue().endsWith("asOf=" + asOf + "#claims"));
    }

    private static int statements(Map<String, String> session, String path) {
        given().auth().none().cookies(session).get(path).then().statusCode(200);
        return SqlStatementCounter.fewest(() -> given().auth().none().cookies(session).get(path).then().statusCode(200));
    }

    /**
     * The pictures add no statement to the party page (the months they count add up to the tabs'
     * numbers, which the page without them reads from the summary), and a party with positions over
     * twelve months costs as many statements as one with a single month: counted in SQL, no loop.
     */
    @Test
    void thePicturesAddNoStatementToThePartyPageWhateverTheMonths() {
        java.time.LocalDate first = java.time.LocalDate.of(2019, 1, 15);
        long article = Fixtures.article("The ministry said enemy jets struck the bridge at dawn.", first.plusMonths(12));
        long claimant = Fixtures.state("Republic");
        long many = Fixtures.state("Kingdom");
        long few = Fixtures.state("Duchy");
        for (int i = 0; i < 12; i++) {
            Fixtures.claim(claimant, many, article, "enemy jets struck the bridge", first.plusMonths(i));
        }
        Fixtures.claim(claimant, few, article, "enemy jets struck the bridge", first);
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        for (String query : new String[] {"", "?asOf=2019-06-30", "?scope=parts", "?commentary=true"}) {
            String joiner = query.isEmpty() ? "?" : "&";
            int with = statements(session, "/admin/parties/" + many + query);
            int without = statements(session, "/admin/parties/" + many + query + joiner + "charts=false");
            assertTrue(with <= without, query + ": " + with + " statements with the pictures, " + without + " without");
            assertEquals(statements(session, "/admin/parties/" + few + query), with, query + ": twelve months against one");
        }
    }

    @Test
    void wrongPicturesAndDatesAreProblemsAndNoSessionIsSentToLogIn() {
        long party = Fixtures.state("Kingdom");
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        given().auth().none().cookies(session).get("/admin/parties/" + party + "/pie.svg").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("field", is("picture"));
        given().auth().none().cookies(session).queryParam("asOf", "yesterday").get("/admin/parties/" + party + "/months.svg")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("field", is("asOf"));
        given().auth().none().cookies(session).get("/admin/parties/" + Long.MAX_VALUE + "/positions.svg").then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().none().cookies(session).get("/admin/dashboard/pie.svg").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("field", is("picture"));
        given().auth().none().cookies(session).queryParam("commentary", "maybe").get("/admin/dashboard/open.svg").then()
                .statusCode(400).body("field", is("commentary"));
        given().auth().none().cookies(session).queryParam("charts", "maybe").get("/admin/parties/" + party).then()
                .statusCode(400);
        given().auth().none().redirects().follow(false).get("/admin/dashboard/parties.svg").then().statusCode(302)
                .header("Location", endsWith("/login"));
    }

    @Test
    void theDashboardsPicturesDownloadAsSvgFiles() throws Exception {
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        for (String picture : new String[] {"parties", "activity", "open"}) {
            String svg = given().auth().none().cookies(session).get("/admin/dashboard/" + picture + ".svg").then()
                    .statusCode(200).contentType(startsWith("image/svg+xml"))
                    .header("Content-Disposition", is("attachment; filename=\"dashboard-" + picture + ".svg\""))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .extract().asString();
            Document doc = parse(svg);
            assertEquals("dashboard-" + picture, doc.getDocumentElement().getAttribute("id"));
        }
    }
}
