package org.claimtracker.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimtracker.support.Browser;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The dashboard's pictures in a real headless Chromium: positions by party (a page of parties, said
 * plainly as "parties a to b of M"), claims and responses per month, and how long unresolved claims
 * have been open. The test adds one party with one unresolved claim stated three days ago and finds
 * it where it must be: one more party in all, the last bar of the last page (named with a script,
 * drawn as text), one more claim this month, one more claim open under a week. Every picture agrees
 * with its table, its parts lead where they say, nothing is fetched from outside the tracker and the
 * Content-Security-Policy holds. Screenshots are left in target/pictures/.
 */
@QuarkusTest
class DashboardPicturesBrowserTest {

    private static final Pattern SHOWN = Pattern.compile("Parties (\\d+) to (\\d+) of the (\\d+) that hold a position");

    @TestHTTPResource("/")
    URL root;

    private record Seen(long parties, long underAWeek, long claimsThisMonth) {
    }

    private static Seen look(Page page) {
        page.navigate("/admin");
        Matcher m = SHOWN.matcher(page.locator("#parties-shown").textContent());
        assertTrue(m.find(), page.locator("#parties-shown").textContent());
        String month = YearMonth.now().format(java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.ENGLISH));
        Locator thisMonth = page.locator("svg#dashboard-activity .group[data-label='" + month + "'] .mark.series-claims");
        long claims = thisMonth.count() == 0 ? 0 : Long.parseLong(thisMonth.getAttribute("data-value"));
        Locator open = page.locator("svg#dashboard-open .group[data-label='under a week'] .mark");
        long under = open.count() == 0 ? 0 : Long.parseLong(open.getAttribute("data-value"));
        return new Seen(Long.parseLong(m.group(3)), under, claims);
    }

    @Test
    void aNewPartyWithAnOpenClaimIsCountedInEveryPicture(TestInfo test) {
        LocalDate stated = LocalDate.now().minusDays(3);
        long article = Fixtures.article("The ministry said the kingdom's gunboats shelled the harbour.", stated);
        String name = Fixtures.unique("<script>document.title='owned'</script> Zeta");
        long claimant = Fixtures.state("Ministry");

        Browser.run(test.getDisplayName(), root.toString(), page -> {
            List<String> wrong = Browser.watch(page, root.toString());
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            Seen before = look(page);

            long party = Fixtures.created("/api/parties", Map.of("name", name, "kind", "state"));
            Fixtures.claim(claimant, party, article, "the kingdom's gunboats shelled the harbour", stated);
            Seen after = look(page);
            assertEquals(before.parties() + 1, after.parties());
            assertEquals(before.underAWeek() + 1, after.underAWeek());
            if (YearMonth.from(stated).equals(YearMonth.now())) {
                assertEquals(before.claimsThisMonth() + 1, after.claimsThisMonth());
            }

            // Each picture agrees with its table.
            Locator bars = page.locator("svg#dashboard-parties .bar");
            assertThat(bars).hasCount(page.locator("#parties-table tbody tr").count());
            int cells = ((Number) page.evaluate("() => [...document.querySelectorAll('#parties-table tbody td.num a')]"
                    + ".filter(a => a.textContent.trim() !== '0').length")).intValue();
            assertThat(page.locator("svg#dashboard-parties .mark")).hasCount(cells);
            assertThat(page.locator("svg#dashboard-parties > title")).containsText("of " + after.parties() + ", most positions first");
            assertThat(page.locator("svg#dashboard-open .mark")).hasCount((int) page.locator("#open-table tbody td.num")
                    .allTextContents().stream().filter(t -> !t.trim().equals("0")).count());
            assertThat(page.locator("svg#dashboard-activity .group")).hasCount(ActivityService.MONTHS);
            Browser.shot(page.locator("#parties-picture"), "dashboard-parties.png");
            Browser.shot(page.locator("#activity-picture"), "dashboard-activity.png");
            Browser.shot(page.locator("#open-picture"), "dashboard-open.png");

            // The new party holds one position, the fewest, and the newest id: the last bar of the last page.
            long lastPage = (after.parties() - 1) / 15;
            Browser.assertStrictCsp(page.navigate("/admin?page=" + lastPage));
            Locator last = page.locator("svg#dashboard-parties .bar").last();
            assertThat(last.locator(".row-label title")).hasText(name);
            assertThat(last.locator(".mark")).hasCount(1);
            assertThat(last.locator("a.mark.series-unresolved")).hasAttribute("href", "/admin/parties/" + party + "?status=unresolved#claims");
            assertThat(page.locator("main script")).hasCount(0);
            assertTrue(!page.title().contains("owned"), page.title());
            Browser.shot(page.locator("#parties-picture"), "dashboard-parties-last-page.png");

            // Its part opens the party's unresolved claims, from the keyboard.
            last.locator("a.mark").focus();
            page.keyboard().press("Enter");
            assertThat(page).hasURL(Pattern.compile(".*/admin/parties/" + party + "\\?status=unresolved#claims$"));
            assertThat(page.locator("#party-claims tbody tr")).hasCount(1);

            // A month's claims column opens the claims of that month.
            page.navigate("/admin");
            Locator column = page.locator("svg#dashboard-activity a.column-link:has(.series-claims)").last();
            String href = column.getAttribute("href");
            assertTrue(href.matches("/admin/claims\\?from=\\d{4}-\\d{2}-01&to=\\d{4}-\\d{2}-\\d{2}"), href);
            column.click();
            assertThat(page).hasURL(Pattern.compile(".*/admin/claims\\?from=.*"));
            assertEquals(List.of(), wrong);
        });
    }
}
