package org.claimtracker.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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

    @TestHTTPResource("/")
    URL root;

    /**
     * Runs the steps in a fresh browser, watched ({@link Browser#watch}): at the end nothing was
     * fetched from outside the tracker, no answer failed, no CSP or script error was reported.
     */
    private void watched(TestInfo test, Consumer<Page> steps) {
        Browser.run(test.getDisplayName(), root.toString(), page -> {
            List<String> wrong = Browser.watch(page, root.toString());
            steps.accept(page);
            assertEquals(List.of(), wrong);
        });
    }

    /** Builds a world of its own ({@link OverviewData}) and runs the steps in it, {@link #watched}. */
    private void inBuiltWorld(TestInfo test, BiConsumer<Page, OverviewData> steps) {
        OverviewData d = new OverviewData();
        watched(test, page -> steps.accept(page, d));
    }

    /** Logs in as a viewer, then {@link #show}s the picture. */
    private static Locator openAsViewer(Page page, String address, String svgId) {
        Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
        return show(page, address, svgId);
    }

    /** Opens {@code address}, which keeps the strict Content-Security-Policy, and answers its picture {@code svgId}, visible. */
    private static Locator show(Page page, String address, String svgId) {
        Browser.assertStrictCsp(page.navigate(address));
        Locator picture = page.locator("svg#" + svgId);
        assertThat(picture).isVisible();
        return picture;
    }

    /**
     * Clicks "Download as SVG": the file is named {@code name}, is a file of its own (it starts with the
     * XML declaration) and holds {@code marks} marks ({@code mark}: the start of their class attribute).
     */
    private static void assertSvgFile(Page page, String name, String mark, int marks) {
        Download download = page.waitForDownload(() -> page.getByText("Download as SVG").click());
        assertEquals(name, download.suggestedFilename());
        String file = Browser.text(download);
        assertTrue(file.startsWith("<?xml"), file.substring(0, Math.min(80, file.length())));
        assertEquals(marks, file.split("class=\"" + mark).length - 1, name + ": " + mark);
    }

    /** The mark takes the keyboard's focus (the focused element has class {@code cssClass}) and Enter follows its link. */
    private static void enterOpens(Page page, Locator mark, String cssClass) {
        mark.focus();
        assertEquals(Boolean.TRUE, page.evaluate("c => document.activeElement.classList.contains(c)", cssClass));
        page.keyboard().press("Enter");
    }

    @Test
    void theMatrixOfABuiltWorldHasACellPerPairThatListsItsClaims(TestInfo test) {
        inBuiltWorld(test, (page, d) -> {
            Locator picture = openAsViewer(page, "/admin/pictures/accusations?" + d.window(), "accusation-matrix");
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
            Browser.shot(page.locator("#accusations-picture"), "accusation-matrix-built.png");

            // Download: the same picture as a file.
            assertSvgFile(page, "who-accuses-whom.svg", "mark cell\"", 4);

            // Keyboard: the cell takes focus and Enter opens the list of its three claims.
            enterOpens(page, ab, "cell");
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
        });
    }

    @Test
    void theMapOfABuiltWorldHasAMarkPerIncidentSizedAndColouredThatOpensIt(TestInfo test) {
        inBuiltWorld(test, (page, d) -> {
            Locator picture = openAsViewer(page, "/admin/pictures/map?" + d.window(), "incident-map");
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
            Browser.shot(page.locator("#map-picture"), "incident-map-built.png");

            assertSvgFile(page, "incident-map.svg", "mark incident ", 3);

            // Keyboard: a mark takes focus and Enter opens the incident.
            enterOpens(page, market, "incident");
            assertThat(page).hasURL(Pattern.compile(".*/admin/incidents/" + d.market + "$"));
            page.goBack();
            depot.click();
            assertThat(page).hasURL(Pattern.compile(".*/admin/incidents/" + d.depot + "$"));
            assertThat(page.locator("h1")).hasText(d.depotTitle);
        });
    }

    @Test
    void withTheSeedsThePagesAndTheDashboardDrawTheirPictures(TestInfo test) {
        // The seeds place six incidents (seeds/README.md, Coordinates), al-Bab among them.
        long alBab = io.restassured.RestAssured.given().queryParam("ref", "al-bab-strikes-2017-01-22").get("/api/incidents")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        watched(test, page -> {
            Locator dashboard = openAsViewer(page, "/admin", "dashboard-accusation-matrix");
            assertTrue(dashboard.locator(".mark.cell").count() > 0, "the seeds accuse");
            assertTrue(dashboard.locator(".row-name").count() <= 8 && dashboard.locator(".col-name").count() <= 8);
            Browser.shot(page.locator("#dashboard-accusations"), "dashboard-accusations.png");
            // The dashboard's cells lead to claims lists that hold as many claims as they say.
            Locator cell = dashboard.locator(".mark.cell").first();
            String count = cell.getAttribute("data-count");
            cell.click();
            assertThat(page).hasURL(Pattern.compile(".*/admin/claims\\?claimantId=\\d+&addressedPartyId=\\d+$"));
            if (Integer.parseInt(count) <= 50) {
                assertThat(page.locator("main table tbody tr")).hasCount(Integer.parseInt(count));
            }

            Locator matrix = show(page, "/admin/pictures/accusations", "accusation-matrix");
            int cells = matrix.locator(".mark.cell").count();
            assertTrue(cells > 0);
            assertThat(page.locator("#matrix-table td a")).hasCount(cells);
            Browser.shot(page.locator("#accusations-picture"), "accusation-matrix-seeds.png");

            Locator map = show(page, "/admin/pictures/map", "incident-map");
            assertThat(map.locator("path.countries")).hasCount(1);
            int rows = page.locator("#map-table tbody tr a").count();
            assertThat(map.locator(".mark.incident")).hasCount(rows);
            assertThat(map.locator(".mark.incident[href='/admin/incidents/" + alBab + "']")).hasCount(1);
            Browser.shot(page.locator("#map-picture"), "incident-map-seeds.png");
        });
    }

    private static double[] centre(Locator mark) {
        Locator c = mark.locator("circle");
        return new double[] {Double.parseDouble(c.getAttribute("cx")), Double.parseDouble(c.getAttribute("cy"))};
    }
}
