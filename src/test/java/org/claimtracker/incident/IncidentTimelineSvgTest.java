package org.claimtracker.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.claimtracker.support.Accounts;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The timeline picture as a file: image/svg+xml, an attachment, with the session; a problem document when there is no incident. */
@QuarkusTest
class IncidentTimelineSvgTest {

    @Test
    void theTimelineDownloadsAsAnSvgFileWithTheSession() throws Exception {
        long article = Fixtures.article("The ministry said enemy jets struck the bridge at dawn.", Fixtures.DAY);
        long incident = Fixtures.incident();
        Map<String, Object> claim = Fixtures.claimBody(Fixtures.state("Republic"), Fixtures.state("Kingdom"), article,
                "enemy jets struck the bridge", Fixtures.DAY);
        claim.put("incidentId", incident);
        long claimId = Fixtures.created("/api/claims", claim);
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);

        String svg = given().auth().none().cookies(session).get("/admin/incidents/" + incident + "/timeline.svg").then()
                .statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .header("Content-Disposition", is("attachment; filename=\"incident-" + incident + "-timeline.svg\""))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        assertEquals(1, doc.getElementsByTagName("a").getLength());
        // The file's links are absolute: it is opened away from the tracker.
        org.hamcrest.MatcherAssert.assertThat(doc.getElementsByTagName("a").item(0).getAttributes().getNamedItem("href").getNodeValue(),
                endsWith("/admin/claims/" + claimId));
        org.hamcrest.MatcherAssert.assertThat(doc.getElementsByTagName("a").item(0).getAttributes().getNamedItem("href").getNodeValue(),
                startsWith("http"));
    }

    @Test
    void anUnknownIncidentIsAProblemDocumentAndNoSessionIsSentToLogIn() {
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        given().auth().none().cookies(session).get("/admin/incidents/" + Long.MAX_VALUE + "/timeline.svg").then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(404));
        given().auth().none().redirects().follow(false).get("/admin/incidents/1/timeline.svg").then()
                .statusCode(302)
                .header("Location", endsWith("/login"));
    }
}
