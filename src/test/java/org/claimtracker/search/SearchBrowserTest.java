package org.claimtracker.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.claimtracker.support.Browser;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The admin search page in a real headless Chromium: type, see highlighted escaped results, open one. */
@QuarkusTest
class SearchBrowserTest {

    private static final LocalDate DAY = LocalDate.of(2016, 10, 19);

    @TestHTTPResource("/")
    URL root;

    @Test
    void anAnalystSearchesAndOpensAQuoteInTheReader(TestInfo test) {
        String w = SearchApiTest.tag();
        String text = "Officials said <script>alert(1)</script> that the " + w + " depot was empty. Later the ministry"
                + " denied that its " + w + " jets struck the depot.";
        long article = Fixtures.created("/api/articles", Fixtures.articleBody(Fixtures.outlet(), text, DAY));
        long claimant = Fixtures.state("Claimant");
        Map<String, Object> claim = Fixtures.claimBody(claimant, null, article, "its " + w + " jets struck the depot", DAY);
        claim.put("proposition", "The ministry's " + w + " jets struck the depot");
        long claimId = Fixtures.created("/api/claims", claim);
        int start = text.indexOf("its " + w + " jets struck");
        int end = start + ("its " + w + " jets struck the depot").length();

        Browser.run(test.getDisplayName(), root.toString(), page -> {
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            page.navigate(root + "admin/search");
            page.getByLabel("Words").fill(w + " depots");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();

            assertThat(page).hasURL(Pattern.compile(".*/admin/search\\?q=.*"));
            assertThat(page.locator(".search-group[data-kind=article] .search-hit")).hasCount(1);
            assertThat(page.locator(".search-group[data-kind=claim] .search-hit")).hasCount(1);
            assertThat(page.locator(".search-group[data-kind=quote] .search-hit")).hasCount(1);
            // Highlighted, escaped: the script is shown as text, never run or parsed.
            assertThat(page.locator(".search-group[data-kind=article] .snippet mark").first()).isVisible();
            assertThat(page.locator(".search-group[data-kind=article] .snippet")).containsText("alert(1)</script>");
            assertThat(page.locator(".snippet script")).hasCount(0);
            assertThat(page.locator(".facets.kinds")).containsText("quote (1)");

            // Narrow to quotes with the facet, then open the quote in the reader.
            page.locator(".facet-kind", new Page.LocatorOptions().setHasText("quote")).click();
            assertThat(page.locator(".search-hit")).hasCount(1);
            page.locator(".hit-reader").click();
            assertThat(page).hasURL(Pattern.compile(".*/admin/articles/" + article + "#quote-" + start + "-" + end));
            assertThat(page.locator("#article-text")).containsText(w + " jets struck the depot");
            page.goBack();
            page.locator(".search-hit .hit-link").click();
            assertThat(page).hasURL(Pattern.compile(".*/admin/claims/" + claimId));
        });
    }
}
