package org.claimtracker.article;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * The top bar's search box and the reader in a real headless Chromium: search from any page, land
 * on a quote's anchor, find words in the text (ignoring case, accents and typographic quotes) and
 * turn a hit into the selection the "record a claim" bar offers.
 */
@QuarkusTest
class ReaderBrowserTest {

    private static final LocalDate DAY = LocalDate.of(2017, 3, 2);

    @TestHTTPResource("/")
    URL root;

    @Test
    void theTopBarSearchesAndTheReaderFindsWordsAndSelectsThem(TestInfo test) {
        String w = "Zorv" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
        String text = "Officials at the Ministry said the ministry\u2019s " + w + " jets did not strike D\u00e9ir ez-Zor."
                + " The MINISTRY's statement about " + w + " stood.";
        long article = Fixtures.created("/api/articles", Fixtures.articleBody(Fixtures.outlet(), text, DAY));
        String quote = "the ministry\u2019s " + w + " jets did not strike";
        long claimant = Fixtures.state("Claimant");
        Map<String, Object> claim = Fixtures.claimBody(claimant, null, article, quote, DAY);
        Fixtures.created("/api/claims", claim);
        int start = text.indexOf(quote);
        int second = text.indexOf("MINISTRY's");

        Browser.run(test.getDisplayName(), root.toString(), page -> {
            Browser.logIn(page, Logins.ANALYST, Logins.ANALYST_PASSWORD);

            // The top bar searches from any page.
            page.navigate(root + "admin/parties");
            page.getByLabel("Search everything").fill(w + " jets");
            page.getByLabel("Search everything").press("Enter");
            assertThat(page).hasURL(Pattern.compile(".*/admin/search\\?q=.*"));
            assertThat(page.locator(".search-group[data-kind=quote] .search-hit")).hasCount(1);

            // A quote's link lands on its anchor in the reader.
            page.locator(".search-group[data-kind=quote] .hit-reader").click();
            String anchor = "quote-" + start + "-" + (start + quote.length());
            assertThat(page).hasURL(Pattern.compile(".*/admin/articles/" + article + "#" + anchor));
            assertThat(page.locator("#article-text #" + anchor)).hasCount(1);

            // Find: case, accents and a typographic apostrophe do not matter; every hit is highlighted.
            page.getByLabel("Find in this text").fill("ministry's");
            assertThat(page.locator("#find-count")).hasText("2 hits");
            assertEquals(2, page.evaluate("CSS.highlights.get('find-hit').size"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("#find-count")).hasText("hit 1 of 2");
            // The hit is the selection: the bar offers it as a quote at its code-point offset.
            assertThat(page.locator("#selection-actions")).isVisible();
            assertThat(page.locator(".selected-quote")).hasText("ministry\u2019s");
            assertThat(page.locator(".selected-start")).hasText(String.valueOf(text.indexOf("ministry\u2019s")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Previous")).click();
            assertThat(page.locator("#find-count")).hasText("hit 2 of 2");
            assertThat(page.locator(".selected-quote")).hasText("MINISTRY's");
            assertThat(page.locator(".selected-start")).hasText(String.valueOf(second));
            assertThat(page.locator("#claim-from-selection")).hasAttribute("href",
                    Pattern.compile(".*&start=" + second + "$"));

            // Accents and hyphens: "deir ez-zor" finds "Déir ez-Zor"; a word that is absent finds nothing.
            page.getByLabel("Find in this text").fill("deir ez-zor");
            assertThat(page.locator("#find-count")).hasText("1 hit");
            page.getByLabel("Find in this text").fill("absent" + w);
            assertThat(page.locator("#find-count")).hasText("0 hits");
            assertEquals(0, page.evaluate("CSS.highlights.get('find-hit').size"));
        });
    }
}
