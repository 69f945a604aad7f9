package org.claimtracker.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.claimtracker.support.Accounts;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;

/**
 * The lists' q is read as search reads it where the record is prose: articles (title and text) and
 * claims (proposition and grading note), in the API and in the admin lists; typeaheads keep matching
 * the text as it is typed.
 */
@QuarkusTest
class ListWordsTest {

    private static final LocalDate DAY = LocalDate.of(2016, 11, 2);

    @Test
    void articlesAreFoundByTheWordsOfTheirTextAsSearchReadsThem() {
        long outlet = Fixtures.outlet();
        String title = Fixtures.unique("Depot report");
        Map<String, Object> body = Fixtures.articleBody(outlet,
                "The ministry denies laying mines near the depot. " + Fixtures.unique("Ref"), DAY);
        body.put("title", title);
        long article = Fixtures.created("/api/articles", body);
        long other = Fixtures.created("/api/articles", Fixtures.articleBody(outlet, Fixtures.unique("Nothing of that"), DAY));

        // A word of the text, not of the title, in another form ("mine", "denied"), a phrase, an exclusion.
        for (String q : new String[] {"mines", "mine", "denied", "\"laying mines\"", "depot -bridge"}) {
            given().queryParam("outletId", outlet).queryParam("q", q).get("/api/articles").then().statusCode(200)
                    .body("items.id", contains((int) article));
        }
        for (String q : new String[] {"mines -denies", "\"mines laying\"", "bridge"}) {
            given().queryParam("outletId", outlet).queryParam("q", q).get("/api/articles").then().statusCode(200)
                    .body("items", empty());
        }
        given().queryParam("outletId", outlet).get("/api/articles").then().statusCode(200)
                .body("items.id", contains((int) other, (int) article));

        // The admin list reads its q alike; the title typeahead still matches a part of a word.
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        given().auth().none().cookies(session).queryParam("q", "mine denied").queryParam("outletId", outlet)
                .get("/admin/articles").then().statusCode(200).body(containsString(title));
        given().auth().none().cookies(session).queryParam("q", "mine bridge").queryParam("outletId", outlet)
                .get("/admin/articles").then().statusCode(200).body(not(containsString(title)));
        given().auth().none().cookies(session).queryParam("q", title.substring(0, 9))
                .get("/admin/articles/suggest").then().statusCode(200).body(containsString(title));
    }

    @Test
    void claimsAreFoundByTheWordsOfTheirProposition() {
        long claimant = Fixtures.state("Claimant");
        long article = Fixtures.article("Officials said the coalition denied bombing the bridges.", DAY);
        Map<String, Object> body = Fixtures.claimBody(claimant, null, article, "the coalition denied bombing the bridges", DAY);
        body.put("proposition", "The coalition denied bombing the bridges");
        long claim = Fixtures.created("/api/claims", body);
        for (String q : new String[] {"bridge", "denies bombs", "coalition -hospital"}) {
            given().queryParam("claimantId", claimant).queryParam("q", q).get("/api/claims").then().statusCode(200)
                    .body("items.id", contains((int) claim));
        }
        given().queryParam("claimantId", claimant).queryParam("q", "bridge -coalition").get("/api/claims").then()
                .statusCode(200).body("items", empty());
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        given().auth().none().cookies(session).queryParam("q", "bombs bridge").queryParam("claimantId", claimant)
                .get("/admin/claims").then().statusCode(200).body(containsString("denied bombing the bridges"));
    }

    @Test
    void theAdminSearchPageNarrowsByStanceAndDateAsTheApiDoes() {
        String w = SearchApiTest.tag();
        long claimant = Fixtures.state("Claimant");
        long accused = Fixtures.state("Accused");
        long article = Fixtures.article("The ministry said the " + w + " convoy was struck. The army denied the "
                + w + " convoy strike.", DAY);
        long claim = Fixtures.claim(claimant, accused, article, "the " + w + " convoy was struck", DAY);
        Fixtures.response(claim, accused, "denies", DAY, article, "The army denied the " + w + " convoy strike.");
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);

        String all = given().auth().none().cookies(session).queryParam("q", w + " convoy").get("/admin/search").then()
                .statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(all.contains("data-kind=\"article\""), "every kind without filters");
        String denials = given().auth().none().cookies(session).queryParam("q", w + " convoy").queryParam("stance", "denies")
                .get("/admin/search").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(denials.contains("search-hit\" data-kind=\"response\""), denials);
        org.junit.jupiter.api.Assertions.assertFalse(denials.contains("search-hit\" data-kind=\"article\""),
                "a stance keeps claims and responses only");
        // The facets' links keep the filters.
        org.junit.jupiter.api.Assertions.assertTrue(denials.contains("stance=denies&amp;kind="), denials);
        given().auth().none().cookies(session).queryParam("q", w + " convoy").queryParam("from", DAY.plusDays(5).toString())
                .get("/admin/search").then().statusCode(200).body(containsString("Nothing found"));
        given().auth().none().cookies(session).queryParam("q", w).queryParam("from", "2017-13-01")
                .get("/admin/search").then().statusCode(400);
    }
}
