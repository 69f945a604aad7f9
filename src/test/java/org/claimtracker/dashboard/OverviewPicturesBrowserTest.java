package org.claimtracker.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.claimtracker.support.Browser;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Who accuses whom and the incident map in a real headless Chromium: drawn from the seeds and from
 * the records {@link OverviewData} builds (4 cells; 3 incidents), their links lead where they say
 * and take the keyboard, texts are escaped, nothing is fetched from outside the tracker, the
 * Content-Security-Policy holds, and each downloads as SVG. Screenshots are left in target/pictures/.
 */
@QuarkusTest
class OverviewPicturesBrowserTest {

    private static final Path SHOTS = Path.of("target", "pictures");

    @TestHTTPResource("/")
    URL root;

    private static void checkCsp(com.microsoft.playwright.Response answer) {
        String csp = answer.headers().get("content-security-policy");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'") && !csp.contains("unsafe-inline"), csp);
    }

    private static void shot(Locator what, String name) {
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        what.screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve(name)));
    }

    private static String read(Download download) {
        try {
            return Files.readString(download.path());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theMatrixOfABuiltWorldHasACellPerPairThatListsItsClaims(TestInfo test) {
        OverviewData d = new OverviewData();
        Browser.run(test.getDisplayName(), root.toString(), page -> {
            List<String> wrong = Browser.watch(page, root.toString());
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            checkCsp(page.navigate("/admin/pictures/accusations?" + d.window()));

            Locator picture = page.locator("svg#accusation-matrix");
            assertThat(picture).isVisible();
            assertThat(picture.locator(".mark.cell")).hasCount(4);
            assertThat(picture.locator(".row-name")).hasCount(2);
            assertThat(picture.locator(".col-name")).hasCount(3);
            assertThat(picture).hasAttribute("aria-labelledby", "accusation-matrix-title");
            assertThat(picture.locator("> desc")).containsText("7 claims naming an accused party");

            String query = "&from=" + d.from + "&to=" + d.to;
            String abHref = "/admin/claims?claimantId=" + d.a + "&addressedPartyId=" + d.b + query;
            Locator ab = picture.locator("a.mark.cell[href='" + abHref + "']");
            assertThat(ab).hasAttribute("data-count", "3");
            assertThat(ab.locator("title")).hasText(d.nameA + " accuses " + d.nameB
                    + ": 3 claims (1 denied, 1 confirmed, 1 left unresolved). Open the list of these claims.");
            assertThat(ab.locator(".part")).hasCount(3);

            // Escaped: the script in A's name is text, never an element, never run.
            assertThat(picture.locator("script")).hasCount(0);
            assertThat(page.locator("main script")).hasCount(0);
            assertThat(picture.locator(".row-name title").first()).hasText(d.nameA);
            assertTrue(!page.title().contains("owned"), page.title());

            // The data table holds the same cells.
            assertThat(page.locator("#matrix-table td a")).hasCount(4);
            shot(page.locator("#accusations-picture"), "accusation-matrix-built.png");

            // Download: the same picture as a file.
            Download download = page.waitForDownload(() -> page.getByText("Download as SVG").click());
            assertEquals("who-accuses-whom.svg", download.suggestedFilename());
            String file = read(download);
            assertTrue(file.startsWith("<?xml"));
            assertEquals(4, file.split("class=\"mark cell\"").length - 1);

            // Keyboard: the cell takes focus and Enter opens the list of its three claims.
            ab.focus();
            assertEquals(Boolean.TRUE, page.evaluate("() => document.activeElement.classList.contains('cell')"));
            page.keyboard().press("Enter");
            assertThat(page).hasURL(root.toString().replaceAll("/+$", "") + abHref);
            assertThat(page.locator("main table tbody tr")).hasCount(3);
            for (long claim : new long[] {d.abDenied, d.abConfirmed, d.abOpen}) {
                assertThat(page.locator("main table a[href='/admin/claims/" + claim + "']")).hasCount(1);
            }

            // The kind filter, from the form.
            page.navigate("/admin/pictures/accusations?" + d.window());
            page.locator("#f-kind").selectOption("threat");
            page.locator("main form.filters button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile(".*kind=threat.*"));
            assertThat(page.locator("svg#accusation-matrix .mark.cell")).hasCount(1);
            page.locator("svg#accusation-matrix .mark.cell").click();
            assertThat(page.locator("main table tbody tr")).hasCount(1);
            assertThat(page.locator("main table tbody tr").first()).containsText("threat");

            assertEquals(List.of(), wrong);
        });
    }

    @Test
    void theMapOfABuiltWorldHasAMarkPerIncidentSizedAndColouredThatOpensIt(TestInfo test) {
        OverviewData d = new OverviewData();
        Browser.run(test.getDisplayName(), root.toString(), page -> {
            List<String> wrong = Browser.watch(page, root.toString());
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            checkCsp(page.navigate("/admin/pictures/map?" + d.window()));

            Locator picture = page.locator("svg#incident-map");
            assertThat(picture).isVisible();
            assertThat(picture.locator(".mark.incident")).hasCount(3);
            assertThat(picture).hasAttribute("aria-labelledby", "incident-map-title");
            assertThat(picture.locator("> desc")).containsText("3 incidents with coordinates");
            // The outlines are drawn (Syria's among them) from the package, not fetched.
            String outline = picture.locator("path.countries").getAttribute("d");
            assertTrue(outline.length() > 1000, "outline length " + outline.length());

            Locator market = picture.locator("a.mark[href='/admin/incidents/" + d.market + "']");
            Locator bridge = picture.locator("a.mark[href='/admin/incidents/" + d.bridge + "']");
            Locator depot = picture.locator("a.mark[href='/admin/incidents/" + d.depot + "']");
            assertThat(market).hasClass(Pattern.compile(".*position-denied.*"));
            assertThat(bridge).hasClass(Pattern.compile(".*position-mixed.*"));
            assertThat(bridge.locator("title")).containsText("positions differ (confirmed, left unresolved)");
            assertThat(depot).hasClass(Pattern.compile(".*position-none.*"));
            assertThat(market.locator("title")).containsText("highest casualty figure claimed: 400; accused's position: denied");
            double marketR = Double.parseDouble(market.locator("circle").getAttribute("r"));
            double bridgeR = Double.parseDouble(bridge.locator("circle").getAttribute("r"));
            double depotR = Double.parseDouble(depot.locator("circle").getAttribute("r"));
            assertTrue(marketR > bridgeR && bridgeR > depotR, marketR + " " + bridgeR + " " + depotR);
            // The market (east of Aleppo) is drawn west of the bridge and north of the depot, as on the ground.
            double[] m = centre(market);
            double[] b = centre(bridge);
            double[] p = centre(depot);
            assertTrue(m[0] < b[0] && m[1] < p[1], "market " + m[0] + "," + m[1] + " bridge " + b[0] + " depot " + p[1]);

            // Escaped: the script in the depot's title is text.
            assertThat(picture.locator("script")).hasCount(0);
            assertThat(depot.locator("title")).containsText(d.depotTitle);
            assertTrue(!page.title().contains("owned"), page.title());

            // The data table lists the same incidents.
            assertThat(page.locator("#map-table tbody tr")).hasCount(3);
            shot(page.locator("#map-picture"), "incident-map-built.png");

            Download download = page.waitForDownload(() -> page.getByText("Download as SVG").click());
            assertEquals("incident-map.svg", download.suggestedFilename());
            String file = read(download);
            assertTrue(file.startsWith("<?xml"));
            assertEquals(3, file.split("class=\"mark incident ").length - 1);

            // Keyboard: a mark takes focus and Enter opens the incident.
            market.focus();
            assertEquals(Boolean.TRUE, page.evaluate("() => document.activeElement.classList.contains('incident')"));
            page.keyboard().press("Enter");
            assertThat(page).hasURL(Pattern.compile(".*/admin/incidents/" + d.market + "$"));
            page.goBack();
            depot.click();
            assertThat(page).hasURL(Pattern.compile(".*/admin/incidents/" + d.depot + "$"));
            assertThat(page.locator("h1")).hasText(d.depotTitle);

            assertEquals(List.of(), wrong);
        });
    }

    @Test
    void withTheSeedsThePagesAndTheDashboardDrawTheirPictures(TestInfo test) {
        // The seeds place six incidents (seeds/README.md, Coordinates), al-Bab among them.
        long alBab = io.restassured.RestAssured.given().queryParam("ref", "al-bab-strikes-2017-01-22").get("/api/incidents")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        Browser.run(test.getDisplayName(), root.toString(), page -> {
            List<String> wrong = Browser.watch(page, root.toString());
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);

            checkCsp(page.navigate("/admin"));
            Locator dashboard = page.locator("svg#dashboard-accusation-matrix");
            assertThat(dashboard).isVisible();
            assertTrue(dashboard.locator(".mark.cell").count() > 0, "the seeds accuse");
            assertTrue(dashboard.locator(".row-name").count() <= 8 && dashboard.locator(".col-name").count() <= 8);
            shot(page.locator("#dashboard-accusations"), "dashboard-accusations.png");
            // The dashboard's cells lead to claims lists that hold as many claims as they say.
            Locator cell = dashboard.locator(".mark.cell").first();
            String count = cell.getAttribute("data-count");
            cell.click();
            assertThat(page).hasURL(Pattern.compile(".*/admin/claims\\?claimantId=\\d+&addressedPartyId=\\d+$"));
            if (Integer.parseInt(count) <= 50) {
                assertThat(page.locator("main table tbody tr")).hasCount(Integer.parseInt(count));
            }

            checkCsp(page.navigate("/admin/pictures/accusations"));
            Locator matrix = page.locator("svg#accusation-matrix");
            assertThat(matrix).isVisible();
            int cells = matrix.locator(".mark.cell").count();
            assertTrue(cells > 0);
            assertThat(page.locator("#matrix-table td a")).hasCount(cells);
            shot(page.locator("#accusations-picture"), "accusation-matrix-seeds.png");

            checkCsp(page.navigate("/admin/pictures/map"));
            Locator map = page.locator("svg#incident-map");
            assertThat(map).isVisible();
            assertThat(map.locator("path.countries")).hasCount(1);
            int rows = page.locator("#map-table tbody tr a").count();
            assertThat(map.locator(".mark.incident")).hasCount(rows);
            assertThat(map.locator(".mark.incident[href='/admin/incidents/" + alBab + "']")).hasCount(1);
            shot(page.locator("#map-picture"), "incident-map-seeds.png");

            assertEquals(List.of(), wrong);
        });
    }

    private static double[] centre(Locator mark) {
        Locator c = mark.locator("circle");
        return new double[] {Double.parseDouble(c.getAttribute("cx")), Double.parseDouble(c.getAttribute("cy"))};
    }
}
