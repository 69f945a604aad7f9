package org.claimtracker.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Browser;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The claim page's ClaimReview block in Chromium, under the admin pages' strict Content-Security-Policy:
 * no violation is reported, nothing in the block runs, and the block reads back as the review.
 */
@QuarkusTest
class ClaimReviewBrowserTest {

    private static final LocalDate DAY = LocalDate.of(2018, 11, 2);

    @TestHTTPResource("/")
    URL root;

    @Test
    void theReviewBlockIsDataThatNoTextCanTurnIntoScript(TestInfo test) {
        String hostile = "</script><script>document.title='owned'</script><!-- the depot was struck";
        String quote = "the depot was struck";
        long article = Fixtures.article("Officials said " + quote + " at night.", DAY);
        long claimant = Fixtures.party("Officials", "government_body");
        Map<String, Object> body = Fixtures.claimBody(claimant, null, article, quote, DAY);
        body.put("proposition", hostile);
        body.put("grading", "weak");
        long claim = Fixtures.created("/api/claims", body);

        Browser.run(test.getDisplayName(), root.toString(), page -> {
            List<String> wrong = Browser.watch(page, root.toString());
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            Browser.assertStrictCsp(page.navigate("/admin/claims/" + claim));
            assertEquals(1, ((Number) page.evaluate("() => document.querySelectorAll('script:not([src])').length")).intValue(),
                    "the data block is the page's only inline script element");
            Object reviewed = page.evaluate(
                    "() => JSON.parse(document.getElementById('claim-review').textContent).claimReviewed");
            assertEquals(hostile, reviewed);
            Object rating = page.evaluate(
                    "() => JSON.parse(document.getElementById('claim-review').textContent).reviewRating.alternateName");
            assertEquals("Weak", rating);
            assertTrue(page.title().startsWith("Claim: </script>"), "the proposition is the title's text, nothing ran: "
                    + page.title());
            assertEquals(List.of(), wrong);
        });
    }
}
