package org.claimtracker.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.claimtracker.article.ArticleText;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The seed dataset as the files hold it and as the tracker loads it (on start, into the empty test
 * database): quotes verbatim, every record present, positions right, loading idempotent.
 */
@QuarkusTest
class SeedDatasetTest {

    private static final Path SEEDS = Path.of("seeds");

    @Inject
    SeedLoader loader;

    private static JsonNode yaml(String file) throws Exception {
        return new YAMLMapper().readTree(SEEDS.resolve(file).toFile());
    }

    private static String articleText(String key) throws Exception {
        return ArticleText.normalise(Files.readString(SEEDS.resolve("articles").resolve(key + ".txt")));
    }

    @Test
    void everySeedQuoteIsFoundVerbatimInItsArticle() throws Exception {
        List<String> problems = new ArrayList<>();
        int quotes = 0;
        for (JsonNode claim : yaml("claims.yaml")) {
            List<JsonNode> sources = new ArrayList<>();
            claim.path("sources").forEach(sources::add);
            claim.path("responses").forEach(r -> sources.add(r.path("source")));
            for (JsonNode source : sources) {
                quotes++;
                String quote = source.path("quote").asText();
                List<Integer> found = ArticleText.occurrences(articleText(source.path("article").asText()), quote);
                if (found.isEmpty()) {
                    problems.add(claim.path("ref").asText() + ": not found: " + quote);
                } else if (found.size() > 1 && !source.has("occurrence") && !source.has("start")) {
                    problems.add(claim.path("ref").asText() + ": ambiguous without occurrence: " + quote);
                }
            }
        }
        assertTrue(quotes > 50, "the dataset holds dozens of quotes, found " + quotes);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyStoredQuoteMatchesItsArticleAtItsOffsets() throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("""
                    select count(*) filter (where substr(a.body, q.quote_start + 1, q.quote_end - q.quote_start) <> q.quote),
                           count(*)
                      from (select article_id, quote, quote_start, quote_end from claim_source
                            union all select article_id, quote, quote_start, quote_end from response) q
                      join article a on a.id = q.article_id
                    """);
            rows.next();
            assertEquals(0, rows.getLong(1));
            assertTrue(rows.getLong(2) > 50);
        }
    }

    @Test
    void everySeedRecordIsLoaded() throws Exception {
        int claims = 0;
        int responses = 0;
        for (JsonNode claim : yaml("claims.yaml")) {
            claims++;
            given().queryParam("ref", claim.path("ref").asText()).get("/api/claims").then().body("total", is(1));
            for (JsonNode response : claim.path("responses")) {
                responses++;
                given().queryParam("ref", response.path("ref").asText()).get("/api/responses").then().body("total", is(1));
            }
        }
        assertTrue(claims >= 40, "dozens of claims, found " + claims);
        assertTrue(responses >= 20, "dozens of responses, found " + responses);
        for (JsonNode party : yaml("parties.yaml")) {
            given().queryParam("q", party.path("name").asText()).get("/api/parties").then()
                    .body("items.name", hasItem(party.path("name").asText()));
        }
        for (JsonNode article : yaml("articles.yaml")) {
            String hash = ArticleText.contentHash(articleText(article.path("key").asText()));
            try (Connection connection = TestDatabase.connect();
                    var statement = connection.prepareStatement("select created_by from article where content_hash = ?")) {
                statement.setString(1, hash);
                ResultSet rows = statement.executeQuery();
                assertTrue(rows.next(), "article " + article.path("key").asText() + " is loaded");
                assertEquals(SeedLoader.ACTOR, rows.getString(1));
            }
        }
    }

    @Test
    void loadingAgainChangesNothing() throws Exception {
        String counts = """
                select (select count(*) from outlet) || '/' || (select count(*) from party) || '/'
                    || (select count(*) from party_alias) || '/' || (select count(*) from party_membership) || '/'
                    || (select count(*) from article) || '/' || (select count(*) from incident) || '/'
                    || (select count(*) from claim) || '/' || (select count(*) from claim_source) || '/'
                    || (select count(*) from response) || '/' || (select coalesce(sum(version), 0) from claim)
                """;
        String before = single(counts);
        SeedReport report = loader.load();
        assertEquals(0, report.totalCreated(), report.toString());
        assertFalse(report.existing().isEmpty());
        assertEquals(before, single(counts));
    }

    private static String single(String sql) throws Exception {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery(sql);
            rows.next();
            return rows.getString(1);
        }
    }

    private static long partyId(String name) {
        List<String> names = given().queryParam("q", name).queryParam("size", 200).get("/api/parties").then()
                .extract().jsonPath().getList("items.name");
        int index = names.indexOf(name);
        assertTrue(index >= 0, "party " + name + " is in the seeds");
        return given().queryParam("q", name).queryParam("size", 200).get("/api/parties").then()
                .extract().jsonPath().getLong("items[" + index + "].id");
    }

    private static long claimId(String ref) {
        return given().queryParam("ref", ref).get("/api/claims").then().body("total", is(1))
                .extract().jsonPath().getLong("items[0].id");
    }

    private static List<Long> claimsOf(long party, String status) {
        return given().queryParam("status", status).queryParam("size", 200)
                .get("/api/parties/" + party + "/claims").then().statusCode(200)
                .extract().jsonPath().getList("items.claimId", Long.class);
    }

    @Test
    void belgiumDeniedTheHasajekRaidFromTheDayItWasAlleged() {
        long belgium = partyId("Belgium");
        long raid = claimId("ru-mod-belgian-f16-hasajek");
        assertTrue(claimsOf(belgium, "denied").contains(raid));
        given().get("/api/parties/" + belgium + "/claims?status=denied").then()
                .body("items.find { it.claimId == " + raid + " }.latestResponse.quote",
                        is("The Belgians categorically deny that the raid took place."));
        given().get("/api/parties/" + belgium + "/claims?asOf=2016-10-18").then().body("total", is(0));
        assertTrue(claimsOf(partyId("Belgian Ministry of Foreign Affairs"), "denied").contains(raid));
    }

    @Test
    void theCoalitionDeniesSomeConfirmsSomeAndIsStillAssessingAlKhan() {
        long coalition = partyId("US-led coalition");
        assertTrue(claimsOf(coalition, "denied").contains(claimId("syria-mfa-coalition-jets-hit-saeqa-camp")));
        assertTrue(claimsOf(coalition, "confirmed").contains(claimId("coalition-iraq-march-2015-four-civilians")));
        assertTrue(claimsOf(coalition, "partially_confirmed").contains(claimId("syria-su22-was-striking-is")));
        long alKhan = claimId("sohr-coalition-strikes-al-khan");
        assertTrue(claimsOf(coalition, "unresolved").contains(alKhan));
        given().get("/api/parties/" + coalition + "/claims?status=unresolved&size=200").then()
                .body("items.find { it.claimId == " + alKhan + " }.latestResponse.stance", is("assessing"));
        given().get("/api/parties/" + coalition + "/summary").then()
                .body("counts.denied", not(is(0))).body("counts.unresolved", not(is(0)));
    }

    @Test
    void russiasDefenceMinistryPartlyConfirmsTheFiftyFiveKilometresAndRussiaFacesTheCounterClaim() {
        long ministry = partyId("Russian Ministry of Defence");
        assertTrue(claimsOf(ministry, "partially_confirmed").contains(claimId("coalition-strikes-55km-from-ayyash")));
        assertTrue(claimsOf(ministry, "denied").contains(claimId("coalition-contacted-russia-before-su22-shootdown")));
        long counter = claimId("us-dod-russian-bombers-hit-saeqa-camp");
        assertTrue(claimsOf(partyId("Russia"), "unresolved").contains(counter));
        given().get("/api/claims/" + counter).then()
                .body("madeInResponseTo.claim.id", hasItem((int) claimId("syria-mfa-coalition-jets-hit-saeqa-camp")));
    }
}
