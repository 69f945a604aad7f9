package org.claimtracker.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.claimtracker.article.ArticleText;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The seed dataset as the files hold it and as the tracker loads it (on start, into the empty test
 * database): quotes verbatim, every record present, positions right, commentary giving no position,
 * every claim graded, every date traceable to its source, loading idempotent.
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

    /** The party of this name holds this position on the claim of this ref. */
    private static void assertHolds(String party, String position, String claimRef) {
        assertTrue(claimsOf(partyId(party), position).contains(claimId(claimRef)), party + " is " + position + " on " + claimRef);
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
        given().get("/api/parties/" + belgium + "/claims?asOf=2016-10-17").then().body("total", is(0));
        given().get("/api/parties/" + belgium + "/claims?asOf=2016-10-18").then()
                .body("items.find { it.claimId == " + raid + " }.position", is("unresolved"));
        assertTrue(claimsOf(partyId("Belgian Ministry of Foreign Affairs"), "denied").contains(raid));
    }

    @Test
    void theCoalitionDeniesSomeConfirmsSomeAndIsStillAssessingAlKhan() {
        long coalition = partyId("US-led coalition");
        assertTrue(claimsOf(coalition, "denied").contains(claimId("syria-mfa-coalition-jets-hit-saeqa-camp")));
        assertTrue(claimsOf(coalition, "confirmed").contains(claimId("coalition-iraq-march-2015-four-civilians")));
        assertTrue(claimsOf(coalition, "denied").contains(claimId("syria-su22-was-striking-is")));
        long alKhan = claimId("sohr-coalition-strikes-al-khan");
        assertTrue(claimsOf(coalition, "unresolved").contains(alKhan));
        given().get("/api/parties/" + coalition + "/claims?status=unresolved&size=200").then()
                .body("items.find { it.claimId == " + alKhan + " }.latestResponse.stance", is("assessing"));
        given().get("/api/parties/" + coalition + "/summary").then()
                .body("counts.denied", not(is(0))).body("counts.unresolved", not(is(0)));
    }

    @Test
    void russiasDefenceMinistryPartlyConfirmsTheFiftyFiveKilometresAndRussiaFacesTheCounterClaim() {
        assertHolds("Russian Ministry of Defence", "partially_confirmed", "coalition-strikes-55km-from-ayyash");
        assertHolds("Russian Ministry of Defence", "denied", "coalition-contacted-russia-before-su22-shootdown");
        assertHolds("Russia", "unresolved", "us-dod-russian-bombers-hit-saeqa-camp");
        given().get("/api/claims/" + claimId("us-dod-russian-bombers-hit-saeqa-camp")).then()
                .body("madeInResponseTo.claim.id", hasItem((int) claimId("syria-mfa-coalition-jets-hit-saeqa-camp")));
    }

    @Test
    void theDuranPartlyConfirmsTheAlBabJetsAndDeniesTheUsCoordinates() {
        assertHolds("The Duran", "partially_confirmed", "ru-mod-coalition-jets-joined-al-bab-strikes");
        assertHolds("The Duran", "denied", "ru-mod-us-coordinates-al-bab");
        assertHolds("US Department of Defense", "denied", "ru-mod-coalition-jets-joined-al-bab-strikes");
    }

    @Test
    void theCoalitionDeniedSyriasVersionOfWhatTheSu22WasStriking() {
        long coalition = partyId("US-led coalition");
        long syriasVersion = claimId("syria-su22-was-striking-is");
        assertTrue(claimsOf(coalition, "denied").contains(syriasVersion));
        assertFalse(claimsOf(coalition, "partially_confirmed").contains(syriasVersion));
        given().get("/api/claims/" + syriasVersion).then()
                .body("positions.find { it.party.name == 'US-led coalition' }.position", is("denied"))
                .body("responses.find { it.party.name == 'US-led coalition' }.counterClaim.id",
                        is((int) claimId("coalition-su22-bombed-sdf-self-defence")));
        // The shoot-down itself the coalition admits, on SOHR's claim.
        assertTrue(claimsOf(coalition, "confirmed").contains(claimId("sohr-coalition-shot-down-regime-jet")));
    }

    /** A party's own admission, and any claim its addressed party acknowledges, is graded confirmed. */
    @Test
    void theAdmissionsAreGradedConfirmed() throws Exception {
        List<String> admissions = rows("""
                select c.ref || ' ' || c.grading from claim c
                 where c.created_by = '%s'
                   and (c.claimant_id = c.addressed_party_id
                        or exists (select 1 from response r where r.claim_id = c.id and r.party_id = c.addressed_party_id
                                                              and r.stance = 'acknowledges'))
                 order by c.ref
                """.formatted(SeedLoader.ACTOR));
        assertTrue(admissions.contains("coalition-iraq-march-2015-four-civilians confirmed"), admissions.toString());
        assertTrue(admissions.contains("coalition-syria-strike-two-children confirmed"), admissions.toString());
        assertEquals(List.of(), admissions.stream().filter(a -> !a.endsWith(" confirmed")).toList());
    }

    @Test
    void everySeedClaimIsGradedWithAReason() throws Exception {
        List<String> ungraded = new ArrayList<>();
        for (JsonNode claim : yaml("claims.yaml")) {
            String grading = claim.path("grading").asText("unassessed");
            if (grading.equals("unassessed") || claim.path("gradingNote").asText("").isBlank()) {
                ungraded.add(claim.path("ref").asText());
            }
        }
        assertEquals(List.of(), ungraded);
        assertEquals(List.of("0"), rows("select count(*) from claim where created_by = '" + SeedLoader.ACTOR
                + "' and (grading = 'unassessed' or grading_note is null)"));
    }

    /**
     * Commentary gives nobody a position unless asked for: no party's list or summary, no reporting
     * position view and no dashboard count holds one by default, and asking adds them.
     */
    @Test
    void noPositionIsDerivedFromCommentaryByDefault() throws Exception {
        assertEquals(List.of("0"), rows("select count(*) from party_position pp join claim c on c.id = pp.claim_id"
                + " where c.kind = 'commentary'"));
        long unitedStates = partyId("United States");
        List<String> kinds = given().queryParam("size", 200).get("/api/parties/" + unitedStates + "/claims").then()
                .statusCode(200).extract().jsonPath().getList("items.kind");
        assertFalse(kinds.isEmpty(), "the United States holds positions on claims");
        assertFalse(kinds.contains("commentary"), kinds.toString());
        List<String> withCommentary = given().queryParam("size", 200).queryParam("commentary", true)
                .get("/api/parties/" + unitedStates + "/claims").then().statusCode(200).extract().jsonPath()
                .getList("items.kind");
        assertTrue(withCommentary.contains("commentary"), "asked for, commentary against the US is shown");
        long unresolved = given().get("/api/parties/" + unitedStates + "/summary").then().statusCode(200)
                .extract().jsonPath().getLong("counts.unresolved");
        long unresolvedWithCommentary = given().queryParam("commentary", true).get("/api/parties/" + unitedStates
                + "/summary").then().statusCode(200).extract().jsonPath().getLong("counts.unresolved");
        // Asked for, the commentary against the United States that it never answered adds to its
        // unresolved count, exactly.
        long unansweredCommentary = Long.parseLong(rows("""
                select count(*) from claim c
                 where c.kind = 'commentary' and c.addressed_party_id = %d
                   and not exists (select 1 from response r where r.claim_id = c.id and r.party_id = %d)
                """.formatted(unitedStates, unitedStates)).get(0));
        assertTrue(unansweredCommentary > 0, "the seeds hold commentary against the United States");
        assertEquals(unresolved + unansweredCommentary, unresolvedWithCommentary);
        for (String view : List.of("reporting.claim_positions", "reporting.positions_as_of(null)",
                "reporting.unresolved_claims")) {
            assertEquals(List.of("0"), rows("select count(*) from " + view + " where claim_kind = 'commentary'"), view);
        }
        assertNotEquals(List.of("0"), rows("select count(*) from reporting.positions_as_of(null, true)"
                + " where claim_kind = 'commentary'"));
    }

    /** Commentary is an outlet's, author's, editor's or pundit's: no state, body, force or monitor writes it. */
    @Test
    void commentaryComesFromOutletsAndAuthorsOnly() throws Exception {
        assertEquals(List.of(), rows("""
                select c.ref || ' by ' || p.name from claim c join party p on p.id = c.claimant_id
                 where c.created_by = '%s' and c.kind = 'commentary' and p.kind not in ('media_outlet', 'person')
                """.formatted(SeedLoader.ACTOR)));
        assertTrue(Integer.parseInt(rows("select count(*) from claim where kind = 'commentary' and created_by = '"
                + SeedLoader.ACTOR + "'").get(0)) >= 20, "the seeds keep the commentary worth keeping");
    }

    @Test
    void surnamesAndTheNewlyNamedPartiesAreFound() throws Exception {
        for (String[] alias : new String[][] {{"Konashenkov", "Igor Konashenkov"}, {"Dillon", "Ryan Dillon"},
            {"Warren", "Steve Warren"}, {"Spicer", "Sean Spicer"}, {"Putin", "Vladimir Putin"},
            {"Jabhat al-Nusra", "Nusra Front"}, {"Riyadh", "Saudi Arabia"}}) {
            given().queryParam("q", alias[0]).get("/api/parties").then().statusCode(200)
                    .body("items.name", hasItem(alias[1]));
        }
        for (String party : List.of("Israel", "Saudi Arabia", "al-Qaeda", "Nusra Front", "Iran", "Russian-led coalition")) {
            partyId(party);
        }
        // The Duran's author is one voice: his byline is the site's claim, with him as speaker.
        assertEquals(List.of("0"), rows(
                "select count(*) from claim c join party p on p.id = c.claimant_id where p.name = 'Alexander Mercouris'"));
    }

    /**
     * Every date the article does not print carries in its record's note where it comes from: "Date
     * from the article's date" (and it is that date), "Date from the article: \"words\"" (words the
     * article holds) or "Date from the public record: " and a named source. A date is printed when
     * the article holds it as "18th October 2016", "18 October 2016", "October 18, 2016", or without
     * the year when it is the article's own year ("As of June 19 this year").
     */
    @Test
    void everyDateTheArticleDoesNotPrintSaysWhereItComesFrom() throws Exception {
        Map<String, LocalDate> published = new HashMap<>();
        for (JsonNode article : yaml("articles.yaml")) {
            published.put(article.path("key").asText(), LocalDate.parse(article.path("publishedOn").asText()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> incidentArticles = new HashMap<>();
        int checked = 0;
        for (JsonNode claim : yaml("claims.yaml")) {
            Set<String> keys = new TreeSet<>();
            claim.path("sources").forEach(source -> keys.add(source.path("article").asText()));
            if (claim.hasNonNull("incident")) {
                incidentArticles.computeIfAbsent(claim.path("incident").asText(), k -> new TreeSet<>()).addAll(keys);
            }
            checked += checkDate(problems, "claim " + claim.path("ref").asText(), claim.path("statedOn"),
                    claim.path("gradingNote"), keys, published);
            for (JsonNode response : claim.path("responses")) {
                checked += checkDate(problems, "response " + response.path("ref").asText(), response.path("statedOn"),
                        response.path("note"), Set.of(response.path("source").path("article").asText()), published);
            }
        }
        for (JsonNode incident : yaml("incidents.yaml")) {
            Set<String> keys = incidentArticles.getOrDefault(incident.path("ref").asText(), Set.of());
            for (String field : List.of("occurredOn", "occurredUntil")) {
                checked += checkDate(problems, "incident " + incident.path("ref").asText() + " " + field,
                        incident.path(field), incident.path("description"), keys, published);
            }
        }
        for (JsonNode article : yaml("articles.yaml")) {
            checked += checkDate(problems, "article " + article.path("key").asText(), article.path("publishedOn"),
                    article.path("notes"), Set.of(article.path("key").asText()), published);
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 40, "most seed dates are not printed in their articles: " + checked);
    }

    private static final String DATE_FROM = "Date from ";

    /** 1 when the date is not printed in the articles (and so was checked against the note), else 0. */
    private static int checkDate(List<String> problems, String what, JsonNode date, JsonNode note, Set<String> keys,
            Map<String, LocalDate> published) throws Exception {
        if (date.isMissingNode() || date.isNull()) {
            return 0;
        }
        LocalDate day = LocalDate.parse(date.asText());
        List<String> texts = new ArrayList<>();
        for (String key : keys) {
            String text = articleText(key);
            texts.add(text);
            if (printed(day, text, published.get(key).getYear())) {
                return 0;
            }
        }
        String remark = note.asText("");
        int at = remark.indexOf(DATE_FROM);
        if (at < 0) {
            problems.add(what + ": " + day + " is not printed in its article and its note says nothing of where it comes from");
            return 1;
        }
        String source = remark.substring(at + DATE_FROM.length());
        if (source.startsWith("the article's date")) {
            if (keys.stream().noneMatch(key -> published.get(key).equals(day))) {
                problems.add(what + ": " + day + " is given as the article's date, which it is not");
            }
        } else if (source.startsWith("the article: \"")) {
            String words = source.substring("the article: \"".length()).split("\"", 2)[0];
            if (words.isBlank() || texts.stream().noneMatch(text -> text.contains(words))) {
                problems.add(what + ": the words \"" + words + "\" are not in its article");
            }
        } else if (source.startsWith("the public record: ")) {
            if (!source.substring("the public record: ".length()).matches("(?s)\\s*\\S.{9,}")) {
                problems.add(what + ": the public record is named without a source");
            }
        } else {
            problems.add(what + ": no known source of the date: " + source.substring(0, Math.min(60, source.length())));
        }
        return 1;
    }

    private static boolean printed(LocalDate day, String text, int articleYear) {
        String month = day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String dayOfMonth = "0?" + day.getDayOfMonth() + "(?:st|nd|rd|th)?";
        List<String> forms = new ArrayList<>(List.of(
                "\\b" + dayOfMonth + " " + month + ",? " + day.getYear() + "\\b",
                "\\b" + month + " " + dayOfMonth + ",? " + day.getYear() + "\\b"));
        if (day.getYear() == articleYear) {
            forms.add("\\b" + dayOfMonth + " " + month + "\\b");
            forms.add("\\b" + month + " " + dayOfMonth + "\\b(?!,? \\d{4})");
        }
        return forms.stream().anyMatch(form -> Pattern.compile(form, Pattern.CASE_INSENSITIVE).matcher(text).find());
    }

    private static List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
