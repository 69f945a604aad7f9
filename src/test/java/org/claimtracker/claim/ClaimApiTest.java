package org.claimtracker.claim;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.claimBody;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.post;
import static org.claimtracker.support.Fixtures.put;
import static org.claimtracker.support.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.QuotedArticle;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimApiTest extends QuotedArticle {

    private static final LocalDate DAY = LocalDate.of(2017, 1, 22);
    private static final String TEXT = "The ministry said coalition jets struck the base. Officials said coalition jets"
            + " struck the base twice. The group denied everything.";

    @BeforeEach
    void data() {
        withoutAddress(TEXT, DAY.plusDays(1), Fixtures.party("Ministry", "government_body"), Fixtures.party("Coalition",
                "coalition"));
    }

    @Test
    void aClaimKeepsItsVerifiedSourcesWithOffsets() {
        Map<String, Object> body = claimBody(claimant, accused, article, "The group denied everything.", DAY);
        body.put("casualtiesLow", 3);
        body.put("casualtiesHigh", 5);
        body.put("kind", "casualties");
        long id = created("/api/claims", body);
        int start = TEXT.indexOf("The group denied everything.");
        given().get("/api/claims/" + id).then().statusCode(200)
                .body("claimant.id", is((int) claimant))
                .body("addressedParty.id", is((int) accused))
                .body("kind", is("casualties"))
                .body("grading", is("unassessed"))
                .body("casualtiesLow", is(3))
                .body("sources", hasSize(1))
                .body("sources[0].quote", is("The group denied everything."))
                .body("sources[0].start", is(start))
                .body("sources[0].end", is(start + "The group denied everything.".length()))
                .body("sources[0].article.id", is((int) article))
                .body("responses", hasSize(0))
                .body("positions.role", contains("claimant", "addressed"))
                .body("positions[1].position", is("unresolved"));
    }

    @Test
    void aQuoteNotFoundVerbatimIsRejectedAndNothingIsWritten() throws Exception {
        String proposition = unique("Never stored");
        Map<String, Object> body = claimBody(claimant, accused, article, "coalition jets struck the base", DAY);
        body.put("proposition", proposition);
        body.put("sources", List.of(
                Map.of("articleId", article, "quote", "The group denied everything."),
                Map.of("articleId", article, "quote", "coalition planes struck the base")));
        post("/api/claims", body).statusCode(422).contentType("application/problem+json")
                .body("field", is("sources[1].quote"))
                .body("detail", containsString("not found verbatim"));
        assertEquals(0, countClaimsWithProposition(proposition));
    }

    @Test
    void aQuoteTypedWithOtherSpacesOrQuotationMarksIsRefusedNamingThePassageToQuote() throws Exception {
        String proposition = unique("Never stored either");
        Map<String, Object> body = claimBody(claimant, accused, article, "coalition jets struck the base", DAY);
        body.put("proposition", proposition);
        body.put("sources", List.of(Map.of("articleId", article, "quote", "The group  denied\u00a0everything.")));
        int start = TEXT.indexOf("The group denied everything.");
        post("/api/claims", body).statusCode(422).contentType("application/problem+json")
                .body("field", is("sources[0].quote"))
                .body("detail", containsString("not found verbatim"))
                .body("detail", containsString("\u201cThe group denied everything.\u201d at " + start + "\u2013"
                        + (start + "The group denied everything.".length())));
        assertEquals(0, countClaimsWithProposition(proposition));
    }

    @Test
    void anAmbiguousQuoteNeedsItsStartAndAWrongStartIsRefused() {
        Map<String, Object> ambiguous = claimBody(claimant, accused, article, "coalition jets struck the base", DAY);
        post("/api/claims", ambiguous).statusCode(422).body("field", is("sources[0].start"))
                .body("detail", containsString("2 times"));
        int second = TEXT.lastIndexOf("coalition jets struck the base");
        ambiguous.put("sources", List.of(Map.of("articleId", article, "quote", "coalition jets struck the base",
                "start", second)));
        long id = created("/api/claims", ambiguous);
        given().get("/api/claims/" + id).then().body("sources[0].start", is(second));
        ambiguous.put("sources", List.of(Map.of("articleId", article, "quote", "coalition jets struck the base",
                "start", second + 1)));
        post("/api/claims", ambiguous).statusCode(422).body("field", is("sources[0].start"));
        ambiguous.put("sources", List.of(Map.of("articleId", article, "quote", "coalition jets struck the base",
                "start", second, "end", second + 3)));
        post("/api/claims", ambiguous).statusCode(422).body("field", is("sources[0].end"));
    }

    @Test
    void offsetsCountCodePointsSoTheDatabaseAgrees() {
        String text = "\uD83D\uDCF0 Breaking: " + unique("the \u00A0ministry") + " says the bridge was destroyed.";
        long emojiArticle = Fixtures.article(text, DAY);
        long id = created("/api/claims", claimBody(claimant, null, emojiArticle, "the bridge was destroyed", DAY));
        int utf16 = text.indexOf("the bridge was destroyed");
        given().get("/api/claims/" + id).then().body("sources[0].start", is(utf16 - 1));
    }

    @Test
    void referencesAndFiguresAreChecked() {
        Map<String, Object> body = claimBody(99999999, accused, article, "The group denied everything.", DAY);
        post("/api/claims", body).statusCode(422).body("field", is("claimantId"));
        body = claimBody(claimant, accused, article, "The group denied everything.", DAY);
        body.put("incidentId", 99999999);
        post("/api/claims", body).statusCode(422).body("field", is("incidentId"));
        body = claimBody(claimant, accused, article, "The group denied everything.", DAY);
        body.put("casualtiesLow", 9);
        body.put("casualtiesHigh", 2);
        post("/api/claims", body).statusCode(422).body("field", is("casualtiesHigh"));
        body.put("casualtiesLow", -1);
        post("/api/claims", body).statusCode(400).body("field", is("casualtiesLow"));
        body = claimBody(claimant, accused, article, "The group denied everything.", DAY.plusDays(5));
        post("/api/claims", body).statusCode(422).body("field", is("statedOn"));
        body = claimBody(claimant, accused, 99999999, "The group denied everything.", DAY);
        post("/api/claims", body).statusCode(422).body("field", is("sources[0].articleId"));
        body = claimBody(claimant, accused, article, "The group denied everything.", DAY);
        body.put("sources", List.of());
        post("/api/claims", body).statusCode(400).body("field", is("sources"));
        body.put("kind", "rumour");
        post("/api/claims", body).statusCode(400).body("field", is("kind"));
    }

    @Test
    void anUpdateReplacesTheSourcesAndChecksTheVersion() {
        long id = created("/api/claims", claimBody(claimant, accused, article, "The group denied everything.", DAY));
        Map<String, Object> body = claimBody(claimant, null, article, "The ministry said", DAY);
        body.put("grading", "weak");
        body.put("version", 0);
        put("/api/claims/" + id, body).statusCode(200)
                .body("sources.quote", contains("The ministry said"))
                .body("addressedParty", is((Object) null))
                .body("grading", is("weak"))
                .body("version", is(1));
        put("/api/claims/" + id, body).statusCode(412).body("field", is("version"));
    }

    @Test
    void listsFilterByClaimantAddressedKindIncidentAndDate() {
        long incident = Fixtures.incident();
        Map<String, Object> first = claimBody(claimant, accused, article, "The ministry said", DAY.minusDays(3));
        first.put("incidentId", incident);
        long a = created("/api/claims", first);
        Map<String, Object> second = claimBody(claimant, null, article, "The group denied everything.", DAY);
        second.put("kind", "threat");
        long b = created("/api/claims", second);

        given().queryParam("claimantId", claimant).get("/api/claims").then().statusCode(200)
                .body("total", is(2)).body("items.id", contains((int) b, (int) a));
        given().queryParam("addressedPartyId", accused).get("/api/claims").then().body("items.id", contains((int) a));
        given().queryParam("claimantId", claimant).queryParam("kind", "threat").get("/api/claims").then()
                .body("items.id", contains((int) b));
        given().queryParam("incidentId", incident).get("/api/claims").then().body("items.id", contains((int) a))
                .body("items[0].incident.id", is((int) incident));
        given().queryParam("claimantId", claimant).queryParam("to", DAY.minusDays(1).toString()).get("/api/claims")
                .then().body("items.id", contains((int) a));
        given().queryParam("claimantId", claimant).queryParam("from", DAY.toString()).get("/api/claims")
                .then().body("items.id", contains((int) b));
    }

    @Test
    void aClaimWithResponsesIsNotDeletedButOneWithoutIsWithItsSources() throws Exception {
        long answered = created("/api/claims", claimBody(claimant, accused, article, "The ministry said", DAY));
        Fixtures.response(answered, accused, "denies", DAY.plusDays(1), article, "The group denied everything.");
        Fixtures.delete("/api/claims/" + answered).statusCode(409).contentType("application/problem+json");

        long lonely = created("/api/claims", claimBody(claimant, accused, article, "The ministry said", DAY));
        Fixtures.delete("/api/claims/" + lonely).statusCode(204);
        given().get("/api/claims/" + lonely).then().statusCode(404);
        try (Connection connection = TestDatabase.connect();
                PreparedStatement statement = connection.prepareStatement("select count(*) from claim_source where claim_id = ?")) {
            statement.setLong(1, lonely);
            ResultSet rows = statement.executeQuery();
            rows.next();
            assertEquals(0, rows.getLong(1));
        }
    }

    private static long countClaimsWithProposition(String proposition) throws Exception {
        try (Connection connection = TestDatabase.connect();
                PreparedStatement statement = connection.prepareStatement("select count(*) from claim where proposition = ?")) {
            statement.setString(1, proposition);
            ResultSet rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }
}
