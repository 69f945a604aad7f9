package org.claimtracker.article;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.claimBody;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.post;
import static org.claimtracker.support.Fixtures.put;
import static org.claimtracker.support.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleApiTest {

    private static final LocalDate DATE = LocalDate.of(2019, 5, 4);

    @Inject
    ArticleService articles;

    /** The body of an article of {@code outlet} that republishes one first published by {@code origin}. */
    private static Map<String, Object> republicationBody(long outlet, long origin, String text) {
        Map<String, Object> body = Fixtures.articleBody(outlet, text, DATE);
        body.put("republishedFromOutletId", origin);
        return body;
    }

    @Test
    void storesTheTextWithItsHashAndNormalisedLineEndings() {
        long outlet = Fixtures.outlet();
        String text = unique("First line") + "\r\nSecond line\r\n";
        long id = created("/api/articles", Fixtures.articleBody(outlet, text, DATE));
        String expected = text.replace("\r\n", "\n");
        given().get("/api/articles/" + id).then().statusCode(200)
                .body("text", is(expected))
                .body("contentHash", is(ArticleText.contentHash(expected)))
                .body("outlet.id", is((int) outlet))
                .body("authors", contains("A. Writer"))
                .body("language", is("en"));
    }

    @Test
    void theSameTextTwiceIsOneArticle() {
        String text = unique("Syndicated") + "\nstory";
        long first = created("/api/articles", Fixtures.articleBody(Fixtures.outlet(), text, DATE));
        String sameWithWindowsLineEndings = text.replace("\n", "\r\n");
        post("/api/articles", Fixtures.articleBody(Fixtures.outlet(), sameWithWindowsLineEndings, DATE)).statusCode(409)
                .body("field", is("text")).body("detail", containsString("id " + first));
    }

    @Test
    void urlsAreUniqueWhenGiven() {
        String url = "https://news.example/" + System.nanoTime();
        Map<String, Object> body = Fixtures.articleBody(Fixtures.outlet(), unique("A"), DATE);
        body.put("url", url);
        created("/api/articles", body);
        Map<String, Object> again = Fixtures.articleBody(Fixtures.outlet(), unique("B"), DATE);
        again.put("url", url);
        post("/api/articles", again).statusCode(409).body("field", is("url"));
        Map<String, Object> bad = Fixtures.articleBody(Fixtures.outlet(), unique("C"), DATE);
        bad.put("url", "ftp://x");
        post("/api/articles", bad).statusCode(400).body("field", is("url"));
    }

    @Test
    void listsLeaveTheTextOutAndFilterByOutletAndDate() {
        long outlet = Fixtures.outlet();
        long early = created("/api/articles", Fixtures.articleBody(outlet, unique("early"), LocalDate.of(2018, 1, 1)));
        long late = created("/api/articles", Fixtures.articleBody(outlet, unique("late"), LocalDate.of(2018, 6, 1)));
        given().queryParam("outletId", outlet).get("/api/articles").then().statusCode(200)
                .body("total", is(2))
                .body("items.id", contains((int) late, (int) early))
                .body("items[0]", not(hasKey("text")))
                .body("items[0].textLength", is(unique("late").length()));
        given().queryParam("outletId", outlet).queryParam("from", "2018-03-01").get("/api/articles").then()
                .body("items.id", contains((int) late));
        given().queryParam("outletId", outlet).queryParam("to", "2018-03-01").get("/api/articles").then()
                .body("items.id", contains((int) early));
        given().queryParam("from", "2018-03-01").queryParam("to", "2018-01-01").get("/api/articles").then()
                .statusCode(400).body("field", is("to"));
        given().queryParam("outletId", "x").get("/api/articles").then().statusCode(400).body("field", is("outletId"));
    }

    @Test
    void aListItemCarriesWhatTheArticleHolds() {
        long origin = Fixtures.outlet();
        long outlet = Fixtures.outlet();
        Map<String, Object> body = republicationBody(outlet, origin, unique("listed"));
        body.put("authors", List.of("A. Writer", "B. Reporter"));
        body.put("url", "https://news.example/listed-" + System.nanoTime());
        body.put("language", "fr");
        long id = created("/api/articles", body);
        Map<String, Object> item = given().queryParam("outletId", outlet).get("/api/articles").then().statusCode(200)
                .extract().path("items[0]");
        Map<String, Object> article = given().get("/api/articles/" + id).then().statusCode(200).extract().path("");
        for (String field : List.of("id", "outlet", "title", "authors", "publishedOn", "url", "language",
                "republishedFrom")) {
            assertEquals(article.get(field), item.get(field), field);
        }
        assertEquals(List.of("A. Writer", "B. Reporter"), item.get("authors"));
        assertEquals((int) origin, ((Map<?, ?>) item.get("republishedFrom")).get("id"));
        assertEquals(((String) article.get("text")).length(), item.get("textLength"));
    }

    @Test
    void theReaderMarksEveryQuoteWithWhatItBelongsTo() {
        String claimQuote = "Jets bombed the bridge at dawn.";
        String responseQuote = "The ministry partly confirmed the strike.";
        long article = Fixtures.article("Intro. " + claimQuote + " " + responseQuote, DATE);
        long claimant = Fixtures.party("Monitor", "monitor_ngo");
        long ministry = Fixtures.state("Ministry");
        long claim = Fixtures.claim(claimant, ministry, article, claimQuote, DATE);
        long response = Fixtures.response(claim, ministry, "partially_confirms", DATE, article, responseQuote);
        String proposition = given().get("/api/claims/" + claim).then().extract().path("proposition");
        int source = given().get("/api/claims/" + claim).then().extract().path("sources[0].id");
        String ministryName = given().get("/api/parties/" + ministry).then().extract().path("name");

        int claimStart = "Intro. ".length();
        int responseStart = claimStart + claimQuote.length() + 1;
        assertEquals(List.of(
                new QuoteMark("claim", source, claim, claimStart, claimStart + claimQuote.length(), "Claim: " + proposition),
                new QuoteMark("response", response, claim, responseStart, responseStart + responseQuote.length(),
                        ministryName + " partially confirms: " + proposition)),
                articles.quotesOf(article));
    }

    @Test
    void republicationRecordsTheOriginOutlet() {
        long origin = Fixtures.outlet();
        long outlet = Fixtures.outlet();
        Map<String, Object> body = republicationBody(outlet, origin, unique("copy"));
        long id = created("/api/articles", body);
        given().get("/api/articles/" + id).then().body("republishedFrom.id", is((int) origin));
        body.put("republishedFromOutletId", outlet);
        body.put("text", unique("own copy"));
        post("/api/articles", body).statusCode(422).body("field", is("republishedFromOutletId"));
        body.put("republishedFromOutletId", 99999999);
        post("/api/articles", body).statusCode(422).body("field", is("republishedFromOutletId"));
    }

    @Test
    void aCorrectedTextMovesItsQuotesAndMustKeepEveryOne() {
        long outlet = Fixtures.outlet();
        String text = unique("Typo here.") + " The ministry says jets struck the depot.";
        Map<String, Object> body = Fixtures.articleBody(outlet, text, DATE);
        long article = created("/api/articles", body);
        long claimant = Fixtures.state("Claimant");
        long claim = created("/api/claims", claimBody(claimant, null, article, "jets struck the depot", DATE));
        int before = text.indexOf("jets struck the depot");
        given().get("/api/claims/" + claim).then().body("sources[0].start", is(before));

        body.put("text", text.replace("Typo", "Fixed"));
        body.put("version", 0);
        put("/api/articles/" + article, body).statusCode(200).body("text", containsString("Fixed here."));
        given().get("/api/claims/" + claim).then().body("sources[0].start", is(before + 1))
                .body("sources[0].quote", is("jets struck the depot"));

        body.put("text", text.replace("jets struck", "drones hit"));
        body.put("version", 1);
        put("/api/articles/" + article, body).statusCode(422).body("field", is("text"))
                .body("detail", containsString("claim " + claim));
        given().get("/api/articles/" + article).then().body("text", containsString("jets struck the depot"));
    }

    @Test
    void aQuotedArticleCannotBeDeleted() {
        long article = Fixtures.article("Officials said the convoy was hit.", DATE);
        created("/api/claims", claimBody(Fixtures.state("X"), null, article, "the convoy was hit", DATE));
        Fixtures.delete("/api/articles/" + article).statusCode(409).contentType("application/problem+json");
        long unquoted = Fixtures.article("Nothing quoted here.", DATE);
        Fixtures.delete("/api/articles/" + unquoted).statusCode(204);
    }

    @Test
    void requiredFieldsAndDatesAreChecked() {
        Map<String, Object> body = Fixtures.articleBody(Fixtures.outlet(), unique("t"), DATE);
        body.remove("title");
        post("/api/articles", body).statusCode(400).body("field", is("title"));
        Map<String, Object> future = Fixtures.articleBody(Fixtures.outlet(), unique("t"), LocalDate.now().plusYears(1));
        post("/api/articles", future).statusCode(422).body("field", is("publishedOn"));
        Map<String, Object> noOutlet = Fixtures.articleBody(99999999, unique("t"), DATE);
        post("/api/articles", noOutlet).statusCode(422).body("field", is("outletId"));
        Map<String, Object> authors = Fixtures.articleBody(Fixtures.outlet(), unique("t"), DATE);
        authors.put("authors", List.of("ok", " "));
        post("/api/articles", authors).statusCode(400).body("field", is("authors[1]"));
    }
}
