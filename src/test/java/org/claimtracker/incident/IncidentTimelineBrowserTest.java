package org.claimtracker.incident;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.claimtracker.support.Browser;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The incident's timeline picture in a real headless Chromium: drawn from the seeds and from an
 * incident the test builds (3 claims and 2 responses: 5 marks in 3 lanes), its links lead where
 * they say and take the keyboard, texts are escaped, nothing is fetched from outside the tracker,
 * the Content-Security-Policy holds, and the picture downloads as SVG with the page's session.
 * Screenshots of the picture are left in target/pictures/ for review.
 */
@QuarkusTest
class IncidentTimelineBrowserTest {

    private static final LocalDate DAY = LocalDate.of(2017, 6, 18);
    private static final Path SHOTS = Path.of("target", "pictures");

    @TestHTTPResource("/")
    URL root;

    @Test
    void anIncidentWithThreeClaimsAndTwoResponsesIsDrawnAsFiveMarksInThreeLanes(TestInfo test) throws IOException {
        String quoteA = "<script>document.title='owned'</script> jets of the kingdom struck the market";
        String quoteB = "the kingdom says the republic's own artillery hit the market";
        String text = "Officials said " + quoteA + ". The ministry said the reports were false. Later "
                + quoteB + ", and the republic denied it: our guns were silent that day. Also the raid on the depot"
                + " was blamed on the kingdom.";
        long article = Fixtures.article(text, DAY.plusDays(5));
        long incident = Fixtures.incident();
        String claimantName = Fixtures.unique("<script>alert(1)</script>");
        long claimant = Fixtures.created("/api/parties", Map.of("name", claimantName, "kind", "state"));
        long kingdom = Fixtures.state("Kingdom");
        long republicMonitor = Fixtures.party("Monitor", "monitor_ngo");

        long first = claim(claimant, kingdom, article, quoteA, DAY, incident);
        long second = claim(claimant, kingdom, article, "the raid on the depot was blamed on the kingdom", DAY, incident);
        long counterClaim = claim(kingdom, claimant, article, quoteB, DAY.plusDays(1), incident);
        Map<String, Object> counter = Fixtures.responseBody(first, kingdom, "counter_attributes", DAY.plusDays(1), article, quoteB);
        counter.put("counterClaimId", counterClaim);
        long counterResponse = Fixtures.created("/api/responses", counter);
        long denial = Fixtures.response(counterClaim, republicMonitor, "denies", DAY.plusDays(2), article,
                "our guns were silent that day");

        Browser.run(test.getDisplayName(), root.toString(), page -> {
            List<String> wrong = Browser.watch(page, root.toString());
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            com.microsoft.playwright.Response answer = page.navigate("/admin/incidents/" + incident);
            String csp = answer.headers().get("content-security-policy");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'") && !csp.contains("unsafe-inline"), csp);

            Locator picture = page.locator("svg#incident-timeline");
            assertThat(picture).isVisible();
            assertThat(picture.locator(".mark")).hasCount(5);
            assertThat(picture.locator(".mark.claim")).hasCount(3);
            assertThat(picture.locator(".mark.response")).hasCount(2);
            assertThat(picture.locator(".lane")).hasCount(3);
            assertThat(picture.locator(".arrows .arrow")).hasCount(3);
            assertThat(picture.locator(".arrows .arrow.counter")).hasCount(1);
            assertThat(picture.locator(".mark.stance-counter-attributes")).hasCount(1);
            assertThat(picture.locator(".mark.stance-denies")).hasCount(1);
            // Named and described for screen readers.
            assertThat(picture).hasAttribute("aria-labelledby", "incident-timeline-title");
            assertThat(picture.locator("> title")).hasText(Pattern.compile("^Timeline of .*"));
            assertThat(picture.locator("> desc")).containsText("3 claims and 2 responses by 3 parties");

            // The marks lead where they say.
            Set<String> hrefs = new TreeSet<>(picture.locator("a.mark").evaluateAll("as => as.map(a => a.getAttribute('href'))")
                    instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of());
            assertEquals(new TreeSet<>(List.of("/admin/claims/" + first, "/admin/claims/" + second, "/admin/claims/" + counterClaim,
                    "/admin/claims/" + first + "#response-" + counterResponse,
                    "/admin/claims/" + counterClaim + "#response-" + denial)), hrefs);

            // Escaped: the script in the party's name and in the quote is text, never an element, never run.
            assertThat(picture.locator("script")).hasCount(0);
            assertThat(page.locator("main script")).hasCount(0);
            assertThat(picture.locator(".lane-name title").first()).hasText(claimantName);
            Locator firstMark = picture.locator("a.mark[href='/admin/claims/" + first + "']");
            assertThat(firstMark.locator("title")).containsText(quoteA);
            assertTrue(firstMark.getAttribute("aria-label").contains(quoteA), firstMark.getAttribute("aria-label"));
            assertTrue(!page.title().contains("owned"), page.title());

            // The text timeline stays below the picture.
            assertThat(page.locator("#timeline > li")).hasCount(5);
            assertTrue((Boolean) page.evaluate("() => document.getElementById('timeline-picture')"
                    + ".compareDocumentPosition(document.getElementById('timeline')) === Node.DOCUMENT_POSITION_FOLLOWING"));

            try {
                Files.createDirectories(SHOTS);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            page.locator("#timeline-picture").screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("incident-timeline-built.png")));

            // Downloaded with the page's session: the same picture as a file.
            Download download = page.waitForDownload(() -> page.getByText("Download as SVG").click());
            assertEquals("incident-" + incident + "-timeline.svg", download.suggestedFilename());
            String file;
            try {
                file = Files.readString(download.path());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertTrue(file.startsWith("<?xml"), file.substring(0, Math.min(80, file.length())));
            assertEquals(5, file.split("class=\"mark ").length - 1);
            assertTrue(file.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

            // Keyboard: a mark takes focus and Enter opens what it links to.
            assertThat(firstMark.locator(".tip")).isHidden();
            firstMark.focus();
            assertEquals(Boolean.TRUE, page.evaluate("() => document.activeElement.classList.contains('mark')"));
            // Focus shows the mark's words in the reading strip (a title tooltip never shows for the keyboard).
            assertThat(firstMark.locator(".tip")).isVisible();
            assertThat(firstMark.locator(".tip")).containsText("<script>document.title='owned'</script>");
            page.locator("#timeline-picture").screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("incident-timeline-focused.png")));
            page.keyboard().press("Enter");
            assertThat(page).hasURL(Pattern.compile(".*/admin/claims/" + first + "$"));
            page.goBack();
            // A response's mark opens its claim at the response.
            picture.locator("a.mark.stance-denies").click();
            assertThat(page).hasURL(Pattern.compile(".*/admin/claims/" + counterClaim + "#response-" + denial));
            assertThat(page.locator("#response-" + denial)).isVisible();

            assertEquals(List.of(), wrong);
        });
    }

    @Test
    void theSeededSu22IncidentIsDrawnWithAMarkForEveryEntryOfItsTimeline(TestInfo test) {
        long id = given().queryParam("ref", "su22-shootdown-2017-06-18").get("/api/incidents").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        List<Map<String, Object>> timeline = given().get("/api/incidents/" + id).then().statusCode(200)
                .extract().jsonPath().getList("timeline");
        long parties = timeline.stream().map(e -> ((Map<?, ?>) e.get("party")).get("id")).distinct().count();
        assertTrue(timeline.size() > 3, "the seeds tell this incident's story: " + timeline.size());

        Browser.run(test.getDisplayName(), root.toString(), page -> {
            List<String> wrong = Browser.watch(page, root.toString());
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            page.navigate("/admin/incidents/" + id);
            Locator picture = page.locator("svg#incident-timeline");
            assertThat(picture.locator(".mark")).hasCount(timeline.size());
            assertThat(picture.locator(".lane")).hasCount((int) parties);
            assertThat(picture.locator(".axis .tick").first()).isVisible();
            // No two marks overlap: their boxes as the browser lays them out.
            Object overlapping = picture.evaluate("svg => { const b = [...svg.querySelectorAll('.marks .mark')]"
                    + ".map(m => m.getBoundingClientRect()); let n = 0; for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++)"
                    + " { const p = b[i], q = b[j]; if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) n++; }"
                    + " return n; }");
            assertEquals(0, ((Number) overlapping).intValue());
            try {
                Files.createDirectories(SHOTS);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            page.locator("#timeline-picture").screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("incident-timeline-su22.png")));
            assertEquals(List.of(), wrong);
        });
    }

    private static long claim(long claimant, long accused, long article, String quote, LocalDate on, long incident) {
        Map<String, Object> body = Fixtures.claimBody(claimant, accused, article, quote, on);
        body.put("incidentId", incident);
        return Fixtures.created("/api/claims", body);
    }
}
