package org.claimtracker.party;

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
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.claimtracker.support.Browser;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The party page's pictures in a real headless Chromium: the stacked bar of its positions and its
 * positions per month, for a party the test builds (six claims: two denied, one each confirmed,
 * partially confirmed, unresolved and withdrawn, over January and March 2017) and as of a date; the
 * parts lead where they say and take the keyboard, a script in the party's name is text, nothing is
 * fetched from outside the tracker and the Content-Security-Policy holds; the seeded United States
 * is drawn as its summary says. Screenshots are left in target/pictures/.
 */
@QuarkusTest
class PartyPicturesBrowserTest {

    static final Path SHOTS = Path.of("target", "pictures");
    private static final LocalDate JAN = LocalDate.of(2017, 1, 10);

    @TestHTTPResource("/")
    URL root;

    static void shot(Locator what, String name) {
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        what.screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve(name)));
    }

    static void assertCsp(com.microsoft.playwright.Response answer) {
        String csp = answer.headers().get("content-security-policy");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'") && !csp.contains("unsafe-inline"), csp);
    }

    @Test
    void aPartyWithSixPositionsIsDrawnAsFiveBarPartsAndSixMonthParts(TestInfo test) {
        String[] quotes = {"jets of the kingdom struck the market", "the kingdom shelled the port", "the kingdom mined the road",
            "the kingdom fired on the convoy", "the kingdom jammed the radios", "the republic burned the depot",
            "we deny the market strike", "we deny the port shelling", "we confirm the mines", "partly, the convoy was fired on",
            "we withdraw what we said of the depot"};
        long article = Fixtures.article("Reports: " + String.join(". ", quotes) + ".", LocalDate.of(2017, 3, 31));
        String name = Fixtures.unique("<script>document.title='owned'</script> Kingdom");
        long party = Fixtures.created("/api/parties", Map.of("name", name, "kind", "state"));
        long other = Fixtures.state("Republic");
        long[] claims = new long[6];
        for (int i = 0; i < 5; i++) {
            claims[i] = Fixtures.claim(other, party, article, quotes[i], JAN);
        }
        claims[5] = Fixtures.claim(party, other, article, quotes[5], JAN);
        Fixtures.response(claims[0], party, "denies", LocalDate.of(2017, 1, 20), article, quotes[6]);
        Fixtures.response(claims[1], party, "denies", LocalDate.of(2017, 3, 5), article, quotes[7]);
        Fixtures.response(claims[2], party, "confirms", LocalDate.of(2017, 3, 10), article, quotes[8]);
        Fixtures.response(claims[3], party, "partially_confirms", LocalDate.of(2017, 3, 15), article, quotes[9]);
        Fixtures.response(claims[5], party, "retracts", LocalDate.of(2017, 3, 20), article, quotes[10]);

        Browser.run(test.getDisplayName(), root.toString(), page -> {
            List<String> wrong = Browser.watch(page, root.toString());
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            assertCsp(page.navigate("/admin/parties/" + party));

            Locator bar = page.locator("svg#party-positions");
            assertThat(bar).isVisible();
            assertThat(bar.locator(".mark")).hasCount(5);
            for (String p : List.of("denied", "confirmed", "partially_confirmed", "unresolved", "withdrawn")) {
                assertThat(bar.locator("a.mark.series-" + p)).hasAttribute("href", "/admin/parties/" + party + "?status=" + p + "#claims");
            }
            assertThat(bar.locator("a.mark.series-denied")).hasAttribute("data-value", "2");
            assertThat(bar.locator("> title")).hasText("Positions of " + name);
            assertThat(bar.locator("> desc")).containsText("6 claims with a position");
            assertThat(bar).hasAttribute("aria-labelledby", "party-positions-title");

            Locator months = page.locator("svg#party-months");
            assertThat(months).isVisible();
            assertThat(months.locator(".mark")).hasCount(6);
            assertThat(months.locator(".group")).hasCount(3);
            // One link per month (the month opens one page), its title naming every position in it.
            assertThat(months.locator("a.column-link")).hasCount(2);
            assertThat(months.locator(".group[data-label='Mar 2017'] a.column-link > title"))
                    .hasText("Mar 2017: 1 denied, 1 confirmed, 1 partially confirmed, 1 withdrawn; open the record as it stood on 2017-03-31");
            assertThat(months.locator(".group[data-label='Feb 2017'] .mark")).hasCount(0);
            assertThat(months.locator(".group[data-label='Mar 2017'] .mark")).hasCount(4);
            assertThat(months.locator(".group[data-label='Jan 2017'] a.column-link"))
                    .hasAttribute("href", "/admin/parties/" + party + "?status=&asOf=2017-01-31#claims");
            assertThat(page.locator("#party-months-table tbody tr")).hasCount(3);

            // Escaped: the script in the name is text inside the pictures, never an element, never run.
            assertThat(page.locator("main script")).hasCount(0);
            assertThat(months.locator("> title")).containsText("<script>document.title='owned'</script>");
            // The page's title is the name as text (the script never ran to change it).
            assertTrue(page.title().startsWith(name), page.title());

            shot(page.locator("#positions-picture"), "party-positions-built.png");
            shot(page.locator("#months-picture"), "party-months-built.png");

            // Downloaded with the page's session: the same picture as a file, links absolute.
            Download download = page.waitForDownload(() -> page.locator("#positions-picture .download").click());
            assertEquals("party-" + party + "-positions.svg", download.suggestedFilename());
            String file = read(download);
            assertTrue(file.startsWith("<?xml"), file.substring(0, 60));
            assertEquals(5, file.split("class=\"mark seg ").length - 1);
            assertTrue(file.contains("&lt;script&gt;document.title"), "escaped in the file");
            assertTrue(file.contains("href=\"http"), "absolute links");

            // Keyboard: a part takes focus and Enter opens its tab.
            Locator denied = bar.locator("a.mark.series-denied");
            denied.focus();
            assertEquals(Boolean.TRUE, page.evaluate("() => document.activeElement.classList.contains('mark')"));
            page.keyboard().press("Enter");
            assertThat(page).hasURL(Pattern.compile(".*/admin/parties/" + party + "\\?status=denied#claims$"));
            assertThat(page.locator("a[data-tab='denied']")).hasAttribute("aria-current", "page");
            assertThat(page.locator("#party-claims tbody tr")).hasCount(2);

            // A month opens the record as it stood at the month's end: there, the pictures are as of then.
            page.locator("svg#party-months .group[data-label='Jan 2017'] a.column-link").click();
            assertThat(page).hasURL(Pattern.compile(".*asOf=2017-01-31.*"));
            assertThat(page.locator("#as-of")).hasValue("2017-01-31");
            assertThat(page.locator("svg#party-positions .mark")).hasCount(2);
            assertThat(page.locator("svg#party-positions a.mark.series-unresolved")).hasAttribute("data-value", "4");
            assertThat(page.locator("svg#party-positions a.mark.series-unresolved"))
                    .hasAttribute("href", "/admin/parties/" + party + "?status=unresolved&asOf=2017-01-31#claims");
            assertThat(page.locator("svg#party-months .mark")).hasCount(2);
            assertThat(page.locator("svg#party-months .group")).hasCount(1);
            shot(page.locator("#party-pictures"), "party-pictures-as-of.png");

            // Without the pictures (the page bench/party-page.sh measures them against).
            page.navigate("/admin/parties/" + party + "?charts=false");
            assertThat(page.locator("svg#party-positions")).hasCount(0);
            assertThat(page.locator("a[data-tab='denied']")).containsText("(2)");

            assertEquals(List.of(), wrong);
        });
    }

    @Test
    void theSeededUnitedStatesIsDrawnAsItsSummarySays(TestInfo test) {
        List<Map<String, Object>> items = given().queryParam("q", "United States").queryParam("size", 200).get("/api/parties")
                .then().statusCode(200).extract().jsonPath().getList("items");
        long us = items.stream().filter(p -> "United States".equals(p.get("name"))).map(p -> ((Number) p.get("id")).longValue())
                .findFirst().orElseThrow();
        Map<String, Object> counts = given().get("/api/parties/" + us + "/summary").then().statusCode(200).extract()
                .jsonPath().getMap("counts");
        long nonZero = counts.values().stream().filter(n -> ((Number) n).longValue() > 0).count();
        assertTrue(nonZero > 0, "the seeds give the United States positions: " + counts);

        Browser.run(test.getDisplayName(), root.toString(), page -> {
            List<String> wrong = Browser.watch(page, root.toString());
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            page.navigate("/admin/parties/" + us);
            assertThat(page.locator("svg#party-positions .mark")).hasCount((int) nonZero);
            assertThat(page.locator("svg#party-months .mark").first()).isVisible();
            shot(page.locator("#party-pictures"), "party-pictures-seed.png");
            page.navigate("/admin/parties/" + us + "?scope=parts");
            assertThat(page.locator("svg#party-positions > title")).containsText("with its parts");
            assertThat(page.locator("svg#party-positions a.mark").first()).hasAttribute("href", Pattern.compile(".*&scope=parts#claims$"));
            assertEquals(List.of(), wrong);
        });
    }

    private static String read(Download download) {
        try {
            return Files.readString(download.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
