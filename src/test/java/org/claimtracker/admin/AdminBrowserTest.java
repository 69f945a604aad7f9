package org.claimtracker.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.claimtracker.support.Accounts;
import org.claimtracker.support.Browser;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The analyst's day in the admin pages, in a real headless Chromium. */
@QuarkusTest
class AdminBrowserTest {

    private static final LocalDate DAY = LocalDate.of(2016, 10, 19);

    @TestHTTPResource("/")
    URL root;

    private void browse(TestInfo test, java.util.function.Consumer<Page> steps) {
        Browser.run(test.getDisplayName(), root.toString(), steps);
    }

    /** Browses logged in as the analyst, who records and edits. */
    private void browseAsAnalyst(TestInfo test, java.util.function.Consumer<Page> steps) {
        browse(test, page -> {
            Browser.logIn(page, Logins.ANALYST, Logins.ANALYST_PASSWORD);
            steps.accept(page);
        });
    }

    /**
     * What a claim form needs made beforehand, through the API and with unique names: an article
     * with this text, a claimant of this kind, a state it accuses, and the proposition to type.
     */
    private record Allegation(long article, String claimant, String accused, long accusedId, String proposition) {

        static Allegation prepared(String text, String claimant, String claimantKind, String proposition) {
            long article = Fixtures.article(text, DAY.plusDays(2));
            String claimantName = newRecord("/api/parties", claimant, claimantKind);
            String accused = Fixtures.unique("Kingdom");
            long accusedId = Fixtures.created("/api/parties", Map.of("name", accused, "kind", "state"));
            return new Allegation(article, claimantName, accused, accusedId, Fixtures.unique(proposition));
        }

        /** Types who alleges, against whom and what into the claim form. */
        void typeInto(Page page) {
            page.getByLabel("Claimant (who alleges)").fill(claimant);
            page.getByLabel("Against").fill(accused);
            page.getByLabel("What is alleged (in your words)").fill(proposition);
        }
    }

    /** Makes a record of this kind through the API with a unique name built on {@code base}: the name a form chooses it by. */
    private static String newRecord(String collection, String base, String kind) {
        String name = Fixtures.unique(base);
        Fixtures.created(collection, Map.of("name", name, "kind", kind));
        return name;
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void anAnalystLogsInAndRecordsANewArticle(TestInfo test) {
        String outlet = newRecord("/api/outlets", "Gazette", "news_site");
        String title = Fixtures.unique("Jets strike depot");
        browseAsAnalyst(test, page -> {
            page.getByRole(AriaRole.LINK, named("Record an article")).click();
            page.getByLabel("Outlet").fill(outlet);
            page.getByLabel("Title").fill(title);
            page.getByLabel("Published on").fill("2016-10-21");
            page.getByLabel("Authors").fill("A. Reporter");
            page.getByLabel("Full text").fill("The ministry said two jets struck the depot. <script>alert(1)</script>");
            page.getByRole(AriaRole.BUTTON, named("Save")).click();

            assertThat(page).hasURL(Pattern.compile(".*/admin/articles/\\d+\\?done=created"));
            assertThat(page.getByRole(AriaRole.HEADING, named(title))).isVisible();
            assertThat(page.locator("#article-text")).containsText("<script>alert(1)</script>");
            assertThat(page.locator("#article-text script")).hasCount(0);
        });
    }

    @Test
    void aQuoteSelectedInTheReaderBecomesAClaimAndItsDenialPutsItUnderDenied(TestInfo test) {
        String text = "Moscow says two Belgian jets bombed the village of Hasajek, killing six civilians."
                + " Brussels categorically denies that the raid took place.";
        Allegation alleged = Allegation.prepared(text, "Ministry", "government_body", "Two Belgian jets bombed Hasajek");

        browseAsAnalyst(test, page -> {
            page.navigate("/admin/articles/" + alleged.article());
            Browser.selectInReader(page, "two Belgian jets bombed the village of Hasajek");
            page.locator("#claim-from-selection").click();

            assertThat(page.locator("[name='sources[0].quote']")).hasValue("two Belgian jets bombed the village of Hasajek");
            assertThat(page.locator("[name='sources[0].start']")).hasValue(String.valueOf(text.indexOf("two Belgian")));
            assertThat(page.getByLabel("Stated on")).hasValue(DAY.plusDays(2).toString());
            alleged.typeInto(page);
            page.getByLabel("Stated on").fill(DAY.toString());
            page.getByRole(AriaRole.BUTTON, named("Save")).click();

            assertThat(page).hasURL(Pattern.compile(".*/admin/claims/\\d+\\?done=created"));
            assertThat(page.getByRole(AriaRole.HEADING, named(alleged.proposition()))).isVisible();
            assertThat(page.locator(".quote").first()).hasText("two Belgian jets bombed the village of Hasajek");

            page.getByRole(AriaRole.LINK, named("Record a response")).click();
            assertThat(page.getByLabel("Responding party")).hasValue(alleged.accused() + " [#" + alleged.accusedId() + "]");
            page.getByLabel("Stance").selectOption("denies");
            page.getByLabel("Stated on").fill(DAY.toString());
            page.locator("#f-article").fill("Article [#" + alleged.article() + "]");
            page.getByLabel("Exact words quoted").fill("Brussels categorically denies that the raid took place.");
            page.getByRole(AriaRole.BUTTON, named("Save")).click();
            assertThat(page.locator("#responses")).containsText("denies");

            page.navigate("/admin/parties/" + alleged.accusedId());
            page.locator("a[data-tab='denied']").click();
            assertThat(page.locator("a[data-tab='denied']")).hasAttribute("aria-current", "page");
            assertThat(page.locator("#party-claims tbody")).containsText(alleged.proposition());
            assertThat(page.locator("#party-claims tbody")).containsText("Brussels categorically denies");
            page.locator("a[data-tab='unresolved']").click();
            assertThat(page.locator("#party-claims tbody")).not().containsText(alleged.proposition());
        });
    }

    /**
     * A quote typed with straight quotation marks and a double space where the article has curly ones
     * and one space is refused (verbatim stays the rule), and the form offers the article's own words.
     */
    @Test
    void aQuoteThatDiffersOnlyTypographicallyIsOfferedAsTheArticleWritesIt(TestInfo test) {
        String text = "The ministry said: \u201cTwo \u2018precise\u2019 strikes hit the depot.\u201d Nothing else.";
        Allegation alleged = Allegation.prepared(text, "Ministry", "government_body", "Two strikes hit the depot");
        String passage = "\u201cTwo \u2018precise\u2019 strikes hit the depot.\u201d";

        browseAsAnalyst(test, page -> {
            page.navigate("/admin/claims/new?articleId=" + alleged.article());
            alleged.typeInto(page);
            page.getByLabel("Stated on").fill(DAY.toString());
            page.locator("[name='sources[0].quote']").fill("\"Two 'precise'  strikes hit the depot.\"");
            page.getByRole(AriaRole.BUTTON, named("Save")).click();

            assertThat(page.locator("#form-errors")).containsText("not found verbatim");
            assertThat(page.locator("#form-errors")).containsText(passage);
            page.getByRole(AriaRole.BUTTON, named("Use the article's words")).click();
            assertThat(page.locator("[name='sources[0].quote']")).hasValue(passage);
            assertThat(page.locator("[name='sources[0].start']")).hasValue(String.valueOf(text.indexOf('\u201c')));
            page.getByRole(AriaRole.BUTTON, named("Save")).click();

            assertThat(page).hasURL(Pattern.compile(".*/admin/claims/\\d+\\?done=created"));
            assertThat(page.locator(".quote").first()).hasText(passage);
        });
    }

    /**
     * Commentary recorded in the claim form gives the party it is about no position until the page
     * is asked to include commentary; the dashboard offers the same choice.
     */
    @Test
    void commentaryIsRecordedInTheFormAndLeftOutOfPositionsUntilAskedFor(TestInfo test) {
        String text = "The blogger writes that the kingdom secretly backs the rebels.";
        Allegation alleged = Allegation.prepared(text, "Blog", "media_outlet", "The kingdom secretly backs the rebels");

        browseAsAnalyst(test, page -> {
            page.navigate("/admin/claims/new");
            alleged.typeInto(page);
            page.getByLabel("Kind").selectOption("commentary");
            page.getByLabel("Stated on").fill(DAY.toString());
            page.locator("#f-sources\\[0\\]\\.article").fill("Article [#" + alleged.article() + "]");
            page.locator("#f-sources\\[0\\]\\.quote").fill("the kingdom secretly backs the rebels");
            page.getByRole(AriaRole.BUTTON, named("Save")).click();
            assertThat(page).hasURL(Pattern.compile(".*/admin/claims/\\d+\\?done=created"));
            assertThat(page.locator("#commentary-note")).isVisible();

            page.navigate("/admin/parties/" + alleged.accusedId());
            assertThat(page.locator("a[data-tab='unresolved']")).containsText("(0)");
            assertThat(page.locator("#party-claims tbody")).not().containsText(alleged.proposition());
            page.getByLabel("Include commentary").check();
            page.getByRole(AriaRole.BUTTON, named("Show")).click();
            assertThat(page.locator("a[data-tab='unresolved']")).containsText("(1)");
            assertThat(page.locator("#party-claims tbody")).containsText(alleged.proposition());
            assertThat(page.locator("#party-claims tbody")).containsText("commentary");
            page.locator("a[data-tab='unresolved']").click();
            assertThat(page.locator("#party-claims tbody")).containsText(alleged.proposition());

            page.navigate("/admin");
            assertThat(page.locator("#commentary-choice")).containsText("left out");
            page.locator("#commentary-choice").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Include commentary")).click();
            assertThat(page).hasURL(Pattern.compile(".*/admin\\?commentary=true"));
            assertThat(page.locator("#commentary-choice")).containsText("Leave commentary out");
        });
    }

    @Test
    void aValidationErrorIsShownBesideItsFieldAndKeepsWhatWasTyped(TestInfo test) {
        long article = Fixtures.article("The army said rebels shelled the market.", DAY);
        String claimant = newRecord("/api/parties", "Army", "armed_force");
        String proposition = Fixtures.unique("Rebels shelled the market");
        browseAsAnalyst(test, page -> {
            page.navigate("/admin/claims/new");
            page.getByLabel("Claimant (who alleges)").fill(claimant);
            page.getByLabel("What is alleged (in your words)").fill(proposition);
            page.getByLabel("Stated on").fill(DAY.toString());
            page.locator("[name='sources[0].article']").fill("Report [#" + article + "]");
            page.locator("[name='sources[0].quote']").fill("rebels bombed the market");
            page.getByRole(AriaRole.BUTTON, named("Save")).click();

            assertThat(page.locator("#form-errors")).isVisible();
            assertThat(page.locator("#e-sources\\[0\\]\\.quote")).containsText("not found verbatim");
            assertThat(page.locator("[name='sources[0].quote']")).hasValue("rebels bombed the market");
            assertThat(page.getByLabel("What is alleged (in your words)")).hasValue(proposition);
            assertThat(page.getByLabel("Claimant (who alleges)")).hasValue(claimant);
        });
        given().queryParam("q", proposition).get("/api/claims").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.is(0));
    }

    @Test
    void anArticleNotChosenFromTheSuggestionsIsMarkedAtTheArticleField(TestInfo test) {
        String claimant = newRecord("/api/parties", "Army", "armed_force");
        browseAsAnalyst(test, page -> {
            page.navigate("/admin/claims/new");
            page.getByLabel("Claimant (who alleges)").fill(claimant);
            page.getByLabel("What is alleged (in your words)").fill(Fixtures.unique("Rebels shelled the market"));
            page.getByLabel("Stated on").fill(DAY.toString());
            page.locator("[name='sources[0].article']").fill("an article typed but never chosen");
            page.locator("[name='sources[0].quote']").fill("rebels shelled the market");
            page.getByRole(AriaRole.BUTTON, named("Save")).click();

            assertThat(page.locator("#form-errors")).isVisible();
            assertThat(page.locator("#e-sources\\[0\\]\\.article")).containsText("Choose one of the suggestions");
            assertThat(page.locator("[name='sources[0].article']")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("[name='sources[0].article']")).hasValue("an article typed but never chosen");
            page.locator("#form-errors a", new Page.LocatorOptions().setHasText("Choose one of the suggestions")).click();
            assertThat(page.locator("[name='sources[0].article']")).isFocused();
        });
    }

    @Test
    void twoAnalystsEditingOneRecordDoNotOverwriteEachOtherUnknowingly(TestInfo test) {
        String name = Fixtures.unique("Contested outlet");
        long id = Fixtures.created("/api/outlets", Map.of("name", name, "kind", "blog"));
        browse(test, first -> browse(test, second -> {
            Browser.logIn(first, Logins.ANALYST, Logins.ANALYST_PASSWORD);
            Browser.logIn(second, Logins.ADMIN, Logins.ADMIN_PASSWORD);
            first.navigate("/admin/outlets/" + id + "/edit");
            second.navigate("/admin/outlets/" + id + "/edit");
            first.getByLabel("Name").fill(name + " first");
            first.getByRole(AriaRole.BUTTON, named("Save")).click();
            assertThat(first).hasURL(Pattern.compile(".*/admin/outlets/" + id + "\\?done=updated"));

            second.getByLabel("Name").fill(name + " second");
            second.getByRole(AriaRole.BUTTON, named("Save")).click();
            assertThat(second.locator("#form-errors")).containsText("Someone else saved this record");
            assertThat(second.locator("#newer-values")).containsText(name + " first");
            assertThat(second.getByLabel("Name")).hasValue(name + " second");
            given().get("/api/outlets/" + id).then().body("name", org.hamcrest.Matchers.is(name + " first"));

            second.getByRole(AriaRole.BUTTON, named("Save")).click();
            assertThat(second).hasURL(Pattern.compile(".*/admin/outlets/" + id + "\\?done=updated"));

            second.getByRole(AriaRole.LINK, named("History of changes")).click();
            assertThat(second.locator("table.history tbody tr")).hasCount(3);
            assertThat(second.locator("table.history")).containsText(Logins.ANALYST);
            assertThat(second.locator("table.history")).containsText(name + " second");
        }));
        given().get("/api/outlets/" + id).then().body("name", org.hamcrest.Matchers.is(name + " second"));
    }

    @Test
    void aMembershipIsAddedAndCorrectedOnThePartyPage(TestInfo test) {
        String coalition = newRecord("/api/parties", "Coalition", "coalition");
        long member = Fixtures.state("Member");
        browseAsAnalyst(test, page -> {
            page.navigate("/admin/parties/" + member);
            page.getByLabel("Group").fill(coalition);
            page.getByLabel("From").fill("2014-09-22");
            page.getByRole(AriaRole.BUTTON, named("Add")).click();
            assertThat(page.locator("#memberships + table")).containsText(coalition);
            page.locator("#memberships + table").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Edit")).click();
            page.getByLabel("To").fill("2019-12-31");
            page.getByRole(AriaRole.BUTTON, named("Save")).click();
            assertThat(page.locator("#memberships + table")).containsText("2019-12-31");
        });
    }

    @Test
    void aListShowsItsFiltersAsTheyWereAsked(TestInfo test) {
        // A list address, and each filter field's label with the value it must show.
        Map<String, Map<String, String>> asked = Map.of(
                "/admin/outlets?q=wire+%26+co&kind=blog&page=0", Map.of("Name or domain", "wire & co", "Kind", "blog"),
                "/admin/history?actor=" + Logins.ANALYST + "&table=outlet",
                Map.of("By account", Logins.ANALYST, "Kind of record", "outlet"));
        browse(test, page -> {
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            asked.forEach((address, fields) -> {
                page.navigate(address);
                fields.forEach((label, value) -> assertThat(page.getByLabel(label)).hasValue(value));
            });
        });
    }

    @Test
    void aViewerCannotReachAnEditForm(TestInfo test) {
        browse(test, page -> {
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            page.navigate("/admin/claims");
            assertThat(page.getByRole(AriaRole.LINK, named("New claim"))).hasCount(0);
            com.microsoft.playwright.Response response = page.navigate("/admin/claims/new");
            assertEquals(403, response.status());
            assertThat(page.getByRole(AriaRole.HEADING)).containsText("Forbidden");
            assertThat(page.locator("#claim-form")).hasCount(0);
        });
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefusedAndWritesNothing(TestInfo test) {
        String name = Fixtures.unique("Forged outlet");
        browseAsAnalyst(test, page -> {
            page.navigate("/admin/outlets/new");
            page.getByLabel("Name").fill(name);
            page.evaluate("document.querySelectorAll('input[name=\"csrf-token\"]').forEach(e => e.remove())");
            com.microsoft.playwright.Response response = page.waitForResponse(
                    r -> r.url().endsWith("/admin/outlets") && r.request().method().equals("POST"),
                    () -> page.getByRole(AriaRole.BUTTON, named("Save")).click());
            assertEquals(400, response.status());
        });
        List<String> names = given().queryParam("q", name).get("/api/outlets").then().statusCode(200)
                .extract().jsonPath().getList("items.name");
        assertEquals(List.of(), names);
    }

    @Test
    void onlyAnAdminManagesAccountsAndANewAccountCanLogIn(TestInfo test) {
        String username = "reader" + System.nanoTime();
        browseAsAnalyst(test, page -> {
            assertEquals(403, page.navigate("/admin/accounts").status());
        });
        browse(test, page -> {
            Browser.logIn(page, Logins.ADMIN, Logins.ADMIN_PASSWORD);
            page.navigate("/admin/accounts/new");
            page.getByLabel("Username").fill(username);
            page.getByLabel("Role").selectOption("viewer");
            page.getByLabel("Password").fill("short");
            page.getByRole(AriaRole.BUTTON, named("Save")).click();
            assertThat(page.locator("#e-password")).containsText("at least 8");
            assertThat(page.getByLabel("Password")).hasValue("");
            assertThat(page.getByLabel("Username")).hasValue(username);
            page.getByLabel("Password").fill("Password2024!");
            page.getByRole(AriaRole.BUTTON, named("Save")).click();
            assertThat(page.locator("#e-password")).containsText("first that guessers try");
            assertThat(page.getByLabel("Password")).hasAttribute("aria-invalid", "true");
            page.getByLabel("Password").fill("a-long-enough-password");
            page.getByRole(AriaRole.BUTTON, named("Save")).click();
            assertThat(page.locator("main table")).containsText(username);
        });
        browse(test, page -> {
            Browser.logIn(page, username, "a-long-enough-password");
            assertThat(page.getByRole(AriaRole.HEADING, named("Dashboard"))).isVisible();
        });
    }

    @Test
    void allOfAnAccountsTokensAreRevokedFromTheTokensPage(TestInfo test) {
        String username = Accounts.create("viewer", "revoke-all-password");
        List<String> secrets = new java.util.ArrayList<>();
        browse(test, page -> {
            Browser.logIn(page, username, "revoke-all-password");
            page.navigate("/admin/tokens");
            for (String name : List.of("laptop", "script")) {
                page.getByLabel("Name").fill(name);
                page.getByRole(AriaRole.BUTTON, named("Make token")).click();
                secrets.add(page.locator("#new-token code.secret").textContent().strip());
            }
            secrets.forEach(secret -> given().auth().oauth2(secret).get("/api/parties").then().statusCode(200));
            page.getByRole(AriaRole.BUTTON, named("Revoke all my tokens")).click();
            assertThat(page.locator("main table tbody tr")).hasCount(2);
            assertThat(page.locator("main table tbody")).not().containsText("active");
        });
        secrets.forEach(secret -> given().auth().oauth2(secret).get("/api/parties").then().statusCode(401));
    }

    @Test
    void aWrongPasswordShowsTheLoginPageAgain(TestInfo test) {
        browse(test, page -> {
            page.navigate("/admin/claims");
            assertThat(page).hasURL(Pattern.compile(".*/login"));
            page.getByLabel("Username").fill(Logins.ANALYST);
            page.getByLabel("Password").fill("not the password");
            page.getByRole(AriaRole.BUTTON, named("Log in")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("not right");
        });
    }
}
