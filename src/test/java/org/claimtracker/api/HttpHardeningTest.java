package org.claimtracker.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.URL;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.claimtracker.support.Accounts;
import org.claimtracker.support.Browser;
import org.claimtracker.support.LogCapture;
import org.claimtracker.support.Logins;
import org.claimtracker.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** What the HTTP layer answers around the tracker's own pages: redirects, cookies, caching, metrics, Swagger UI. */
@QuarkusTest
class HttpHardeningTest {

    private static final String LOCATION_COOKIE = "quarkus-redirect-location";

    @TestHTTPResource("/")
    URL root;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private static String cookieValue(RawHttp.Head head, String name) {
        for (String cookie : head.headers("Set-Cookie")) {
            if (cookie.startsWith(name + "=")) {
                return cookie.substring(name.length() + 1, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
            }
        }
        return null;
    }

    @Test
    void aClosedConnectionIsToldApartFromOtherFailuresWhicheverWayItIsReported() {
        // During the read Vert.x reports the close; before the read began, the channel does.
        assertTrue(ProblemMappers.clientGone(new IOException(new IOException(new HttpClosedException("Connection was closed")))));
        assertTrue(ProblemMappers.clientGone(new IOException(new ClosedChannelException())));
        assertFalse(ProblemMappers.clientGone(new IOException("disk full")));
        assertFalse(ProblemMappers.clientGone(new IllegalStateException(new RuntimeException())));
    }

    @Test
    void aClientThatClosesWhileItsBodyIsReadIsNotLoggedAsAFailure() throws Exception {
        // A client that declares a body and goes away halfway (wrk at the end of a run, a closed tab)
        // is told apart from a failure of the tracker: logged as information, without an incident.
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger rootLogger = Logger.getLogger("");
        rootLogger.addHandler(capture);
        try {
            try (RawHttp client = RawHttp.connect()) {
                client.send("POST /api/responses HTTP/1.1", List.of("Authorization: Bearer "
                        + Logins.token(Logins.ANALYST, Logins.ANALYST_PASSWORD), "Content-Type: application/json",
                        "Content-Length: 500"), null);
                client.sendRaw("{\"claimId\": 1, \"partyId\": 2, \"stance\": \"de");
            }
            // The server notices the close on its own time: wait for its word, at most a minute.
            capture.await("closed the connection before its request body was read", 60_000);
        } finally {
            rootLogger.removeHandler(capture);
        }
        String log = capture.text();
        assertTrue(log.contains("INFO The client closed the connection before its request body was read"), log);
        assertFalse(log.contains("Unexpected failure"), log);
        // The server is well afterwards.
        given().auth().oauth2(Logins.token(Logins.ANALYST, Logins.ANALYST_PASSWORD)).get("/api/parties?size=1")
                .then().statusCode(200);
    }

    @Test
    void anAnonymousAdminUrlWithACommaOrSemicolonIsAnsweredAndLeadsBackAfterLogin() throws Exception {
        RawHttp.Head head;
        try (RawHttp client = RawHttp.connect()) {
            head = client.get("/admin/claims?q=a,b;c").head();
        }
        assertEquals(302, head.status());
        assertEquals("/login", head.header("Location"));
        String back = cookieValue(head, LOCATION_COOKIE);
        assertNotNull(back, head.lines().toString());
        assertTrue(back.endsWith("/admin/claims?q=a%2Cb%3Bc"), back);

        try (RawHttp client = RawHttp.connect()) {
            assertEquals(302, client.get("/admin/;/accounts").head().status());
        }

        String username = Accounts.create("viewer", "comma-test-password");
        try (RawHttp client = RawHttp.connect()) {
            RawHttp.Head login = client.postForm("/j_security_check",
                    "j_username=" + username + "&j_password=comma-test-password", "Cookie: " + LOCATION_COOKIE + "=" + back)
                    .head();
            assertEquals(302, login.status());
            assertEquals("/admin/claims?q=a%2Cb%3Bc", login.header("Location"));
        }
    }

    @Test
    void idleConnectionsAreClosedWithinMinutesNotHalfAnHour() {
        // ServerLimitsTest shows the closing itself, with a timeout short enough to wait for.
        java.time.Duration idle = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.idle-timeout", java.time.Duration.class);
        assertTrue(idle.compareTo(java.time.Duration.ofMinutes(10)) <= 0, idle.toString());
    }

    @Test
    void redirectsNeverRepeatTheHostHeader() throws Exception {
        try (RawHttp client = RawHttp.connect()) {
            RawHttp.Head challenge = client.get("/admin/claims", "Host: evil.example").head();
            assertEquals("/login", challenge.header("Location"));
        }
        try (RawHttp client = RawHttp.connect()) {
            RawHttp.Head home = client.get("/", "Host: evil.example").head();
            assertEquals(303, home.status());
            assertEquals("/admin", home.header("Location"));
        }
        String username = Accounts.create("viewer", "host-test-password");
        try (RawHttp client = RawHttp.connect()) {
            RawHttp.Head login = client.postForm("/j_security_check",
                    "j_username=" + username + "&j_password=host-test-password", "Host: evil.example:8443").head();
            assertEquals(302, login.status());
            assertEquals("/admin", login.header("Location"));
        }
    }

    @Test
    void secretsAndAdminPagesAreNotCached() {
        given().auth().oauth2(Logins.viewerToken()).contentType(ContentType.JSON).body(Map.of("name", "cache test"))
                .post("/api/tokens").then().statusCode(201)
                .header("Cache-Control", containsString("no-store"));
        Map<String, String> session = Accounts.logIn(Accounts.create("viewer", "cache-test-password"), "cache-test-password");
        given().auth().none().cookies(session).get("/admin/claims").then().statusCode(200)
                .header("Cache-Control", is("no-store"));
        given().auth().none().cookies(session).get("/admin/tokens").then().statusCode(200)
                .header("Cache-Control", is("no-store"));
        given().auth().none().get("/login").then().statusCode(200).header("Cache-Control", is("no-store"));
    }

    @Test
    void metricsAreServedOnlyOnTheManagementInterface() {
        given().get("/api/parties").then().statusCode(200);
        given().auth().none().get("/q/metrics").then().statusCode(404);
        given().auth().none().get(metrics).then().statusCode(200)
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("agroal_active_count"));
        given().auth().none().get("/q/health/ready").then().statusCode(200);
        given().auth().none().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void swaggerUiSendsASecurityPolicyThatAllowsOnlyItsOwnScriptsAndNamesNoVersion() throws Exception {
        io.restassured.response.Response page = given().auth().none().get("/q/swagger-ui/");
        assertEquals(200, page.statusCode());
        String html = page.asString();
        String policy = page.getHeader("Content-Security-Policy");
        assertNotNull(policy);
        assertEquals("DENY", page.getHeader("X-Frame-Options"));
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        String scriptSources = policy.replaceAll(".*script-src([^;]*).*", "$1");
        assertFalse(scriptSources.contains("'unsafe-inline'") || scriptSources.contains("'unsafe-eval'"), policy);
        List<String> missing = new ArrayList<>();
        Matcher scripts = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (scripts.find()) {
            String hash = "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(scripts.group(1).getBytes(StandardCharsets.UTF_8))) + "'";
            if (!policy.contains(hash)) {
                missing.add(hash);
            }
        }
        assertEquals(List.of(), missing, "inline scripts of Swagger UI whose hashes tracker.swagger-ui.script-hashes lacks");
        assertFalse(html.contains("Quarkus"), "no framework name or version on the page");
    }

    @Test
    void swaggerUiWorksInABrowserUnderItsPolicy(TestInfo test) {
        Browser.run(test.getDisplayName(), root.toString(), page -> {
            List<String> violations = new ArrayList<>();
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    violations.add(message.text());
                }
            });
            page.navigate("/q/swagger-ui/");
            page.locator(".opblock-tag").first().waitFor();
            assertTrue(page.locator(".opblock").count() > 10, "the operations are listed");
            page.locator(".opblock-summary").first().click();
            page.locator(".opblock-body").first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.VISIBLE));
            assertEquals(List.of(), violations);
        });
    }
}
