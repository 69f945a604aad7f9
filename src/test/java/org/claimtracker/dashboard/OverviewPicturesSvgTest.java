package org.claimtracker.dashboard;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.claimtracker.support.Accounts;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The matrix and the map as files: image/svg+xml attachments with absolute links; bad filters are problem documents naming the field. */
@QuarkusTest
class OverviewPicturesSvgTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> hrefs(Document doc) {
        NodeList links = doc.getElementsByTagNameNS(SVG_NS, "a");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < links.getLength(); i++) {
            out.add(((Element) links.item(i)).getAttribute("href"));
        }
        return out;
    }

    @Test
    void theTablesBesideThePicturesDownloadAsCsvAndJsonWithTheSession() {
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        String csv = given().auth().none().cookies(session).get("/admin/pictures/accusations?format=csv").then()
                .statusCode(200).header("Content-Disposition", containsString("who-accuses-whom.csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("claimant.id,claimant.name,accused.id,accused.name,claims,denied,confirmed,partiallyConfirmed,unresolved,withdrawn",
                lines[0]);
        assertTrue(lines.length > 1, "the seeds accuse");
        // Each row's claims are at least its positions' sum (commentary and contested ones are counted in claims).
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].replaceAll("\"[^\"]*\"", "x").split(",");
            long claims = Long.parseLong(cells[4]);
            long positions = 0;
            for (int c = 5; c < 10; c++) {
                positions += Long.parseLong(cells[c]);
            }
            assertTrue(claims > 0 && positions <= claims, lines[i]);
        }
        List<Map<String, Object>> map = given().auth().none().cookies(session).get("/admin/pictures/map?format=json").then()
                .statusCode(200).header("Content-Disposition", containsString("incident-map.json")).extract().jsonPath()
                .getList("$");
        assertTrue(map.stream().anyMatch(i -> "al-Bab, Aleppo province, Syria".equalsIgnoreCase(String.valueOf(i.get("place")))
                || String.valueOf(i.get("place")).startsWith("Al-Bab")), map.toString());
        map.forEach(i -> assertTrue(i.get("latitude") != null && i.get("longitude") != null, i.toString()));
        given().auth().none().cookies(session).get("/admin/pictures/map?format=xml").then().statusCode(400);
    }

    @Test
    void theWebJarOfTheOutlinesIsReadNotServed() {
        // The map reads echarts' world outlines from the class path; Quarkus would serve the jar's
        // files under /webjars, which the tracker refuses, with a session or without.
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        for (String path : List.of("/webjars/echarts/4.1.0/map/json/world.json", "/webjars/echarts/4.1.0/dist/echarts.min.js")) {
            int anonymous = given().auth().none().redirects().follow(false).get(path).statusCode();
            int logged = given().auth().none().cookies(session).redirects().follow(false).get(path).statusCode();
            // Without a session the form mechanism sends the browser to the login page (or refuses).
            assertTrue(anonymous == 302 || anonymous == 401 || anonymous == 403, path + ": " + anonymous);
            assertEquals(403, logged, path);
        }
    }

    @Test
    void theMatrixAndTheMapDownloadWithTheSessionAndLinkAbsolutely() throws Exception {
        OverviewData d = new OverviewData();
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);

        String matrix = given().auth().none().cookies(session).get("/admin/pictures/accusations.svg?" + d.window()).then()
                .statusCode(200).contentType(startsWith("image/svg+xml"))
                .header("Content-Disposition", is("attachment; filename=\"who-accuses-whom.svg\""))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();
        assertTrue(matrix.startsWith("<?xml"));
        List<String> cells = hrefs(parse(matrix));
        assertEquals(4, cells.size(), cells.toString());
        String query = "&from=" + d.from + "&to=" + d.to;
        assertTrue(cells.stream().allMatch(h -> h.startsWith("http") && h.endsWith(query)), cells.toString());
        assertTrue(cells.stream().anyMatch(h -> h.endsWith("/admin/claims?claimantId=" + d.a + "&addressedPartyId=" + d.b + query)),
                cells.toString());
        assertTrue(matrix.contains("&lt;script&gt;alert(&#39;A&#39;)&lt;/script&gt;"));

        // The kind narrows it to C's one threat against A.
        String threats = given().auth().none().cookies(session).get("/admin/pictures/accusations.svg?" + d.window() + "&kind=threat")
                .then().statusCode(200).extract().asString();
        List<String> threat = hrefs(parse(threats));
        assertEquals(1, threat.size(), threat.toString());
        assertTrue(threat.get(0).endsWith("claimantId=" + d.c + "&addressedPartyId=" + d.a + query + "&kind=threat"), threat.get(0));

        String map = given().auth().none().cookies(session).get("/admin/pictures/map.svg?" + d.window()).then()
                .statusCode(200).contentType(startsWith("image/svg+xml"))
                .header("Content-Disposition", is("attachment; filename=\"incident-map.svg\""))
                .extract().asString();
        Document doc = parse(map);
        assertEquals(new TreeSet<>(List.of("/admin/incidents/" + d.market, "/admin/incidents/" + d.bridge, "/admin/incidents/" + d.depot)),
                new TreeSet<>(hrefs(doc).stream().map(h -> h.replaceFirst("^https?://[^/]+", "")).toList()));
        assertTrue(hrefs(doc).stream().allMatch(h -> h.startsWith("http")));
        assertTrue(map.contains("class=\"mark incident position-denied\""), "the market: B denied");
        assertTrue(map.contains("class=\"mark incident position-mixed\""), "the bridge: B confirmed one claim and left one open");
        assertTrue(map.contains("class=\"mark incident position-none\""), "the depot: nobody accused");

        // Only the incidents with a claim of the kind: attack attributions were made about the market and the bridge.
        String attacks = given().auth().none().cookies(session).get("/admin/pictures/map.svg?" + d.window() + "&kind=attack_attribution")
                .then().statusCode(200).extract().asString();
        assertEquals(new TreeSet<>(List.of("/admin/incidents/" + d.market, "/admin/incidents/" + d.bridge)),
                new TreeSet<>(hrefs(parse(attacks)).stream().map(h -> h.replaceFirst("^https?://[^/]+", "")).toList()));
        String threats2 = given().auth().none().cookies(session).get("/admin/pictures/map.svg?" + d.window() + "&kind=threat")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(), hrefs(parse(threats2)));
    }

    @Test
    void forCommentaryTheAccusedsLatestResponseGivesItsPosition() {
        java.time.LocalDate day = java.time.LocalDate.of(1930, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 3000));
        long article = org.claimtracker.support.Fixtures.article("The columnist wrote that the army shelled the port. The army denied it."
                + " Later the army admitted it.", day.plusDays(5));
        long writer = org.claimtracker.support.Fixtures.party("Columnist", "person");
        long army = org.claimtracker.support.Fixtures.state("Army");
        Map<String, Object> body = new java.util.HashMap<>(org.claimtracker.support.Fixtures.claimBody(writer, army, article,
                "the army shelled the port", day));
        body.put("kind", "commentary");
        long claim = org.claimtracker.support.Fixtures.created("/api/claims", body);
        org.claimtracker.support.Fixtures.response(claim, army, "denies", day.plusDays(1), article, "The army denied it");
        org.claimtracker.support.Fixtures.response(claim, army, "confirms", day.plusDays(2), article, "the army admitted it");
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        String svg = given().auth().none().cookies(session)
                .get("/admin/pictures/accusations.svg?from=" + day + "&to=" + day + "&kind=commentary").then().statusCode(200)
                .extract().asString();
        assertTrue(svg.contains(": 1 claim (1 confirmed)."), svg);
        assertTrue(svg.contains("class=\"part confirmed\""));
    }

    @Test
    void badFiltersAreProblemsNamingTheFieldAndNoSessionIsSentToLogIn() {
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        given().auth().none().cookies(session).get("/admin/pictures/map.svg?from=yesterday").then()
                .statusCode(400).contentType(startsWith("application/problem+json")).body(containsString("from"));
        given().auth().none().cookies(session).get("/admin/pictures/accusations.svg?kind=rumour").then()
                .statusCode(400).contentType(startsWith("application/problem+json")).body(containsString("kind"));
        given().auth().none().cookies(session).get("/admin/pictures/accusations.svg?from=2020-02-01&to=2020-01-01").then()
                .statusCode(400).contentType(startsWith("application/problem+json")).body(containsString("to"));
        given().auth().none().cookies(session).get("/admin/pictures/map?to=never").then().statusCode(400);
        given().auth().none().redirects().follow(false).get("/admin/pictures/map").then()
                .statusCode(302).header("Location", endsWith("/login"));
        given().auth().none().redirects().follow(false).get("/admin/pictures/accusations.svg").then()
                .statusCode(302).header("Location", endsWith("/login"));
    }
}
