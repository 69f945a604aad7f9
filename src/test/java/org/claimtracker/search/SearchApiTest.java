package org.claimtracker.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.claimtracker.support.Accounts;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.claimtracker.support.SqlStatementCounter;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * GET /api/search against the real PostgreSQL: every kind is found, the query language (stemming,
 * phrases, exclusion, or, names with and without hyphens and accents), the filters and facets
 * against counts made in plain SQL, escaped snippets, records found right after every kind of
 * write and gone after deletion, bad queries, and a bounded number of statements.
 *
 * <p>Each test marks its records with a word of its own (random letters), so that it finds only
 * them, whatever else the database holds.
 */
@QuarkusTest
class SearchApiTest {

    @jakarta.inject.Inject
    SearchService service;

    private static final LocalDate DAY = LocalDate.of(2017, 6, 18);
    private static final Random RANDOM = new Random();

    /** A word no other record holds: random letters, no digits (so that it stays one word). */
    static String tag() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    static JsonPath search(String query) {
        return given().queryParam("q", query).when().get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath search(String query, String filters) {
        return given().when().get("/api/search?q=" + encode(query) + "&" + filters).then().statusCode(200).extract().jsonPath();
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static Set<String> found(JsonPath result) {
        Set<String> hits = new TreeSet<>();
        List<Map<String, Object>> items = result.getList("items");
        for (Map<String, Object> item : items) {
            hits.add(item.get("kind") + ":" + item.get("id"));
        }
        return hits;
    }

    static long total(String query) {
        return search(query).getLong("total");
    }

    /** An article of its own outlet with this text; its id. */
    static long article(String text) {
        return Fixtures.created("/api/articles", Fixtures.articleBody(Fixtures.outlet(), text, DAY));
    }

    @Test
    void everyKindIsFound() {
        String w = tag();
        String text = "The ministry said " + w + " jets struck the depot. The army denied it flatly.";
        long article = article(text);
        long claimant = Fixtures.state("Claimant");
        long accused = Fixtures.state("Accused");
        Map<String, Object> claimBody = Fixtures.claimBody(claimant, accused, article, w + " jets struck the depot", DAY);
        claimBody.put("proposition", "Jets of the accused struck the " + w + " depot");
        long claim = Fixtures.created("/api/claims", claimBody);
        long quote = quoteIdOf(claim);
        Map<String, Object> responseBody = Fixtures.responseBody(claim, accused, "denies", DAY, article, "The army denied it flatly.");
        responseBody.put("note", "Denial by the " + w + " spokesman");
        long response = Fixtures.created("/api/responses", responseBody);
        long incident = Fixtures.created("/api/incidents", Map.of("title", "Depot strike " + w, "occurredOn", DAY.toString(),
                "place", "Outskirts of Tarn"));
        long party = Fixtures.created("/api/parties", Map.of("name", Fixtures.unique("Brigade"), "kind", "armed_group",
                "aliases", List.of("The " + w + " Brigade")));

        JsonPath all = search(w);
        assertEquals(Set.of("article:" + article, "claim:" + claim, "quote:" + quote, "response:" + response,
                "incident:" + incident, "party:" + party), found(all));
        assertEquals(6, all.getLong("total"));
        for (String kind : List.of("article", "claim", "quote", "response", "incident", "party")) {
            JsonPath one = search(w, "kind=" + kind);
            assertEquals(1, one.getLong("total"), kind);
            assertEquals(kind, one.getString("items[0].kind"));
            assertEquals(6, one.getList("facets.kinds").size(), "the kinds facet counts every kind");
        }
        JsonPath quoteHit = search(w, "kind=quote");
        assertEquals(claim, quoteHit.getLong("items[0].claimId"));
        assertEquals(article, quoteHit.getLong("items[0].articleId"));
        assertEquals(text.indexOf(w + " jets struck"), quoteHit.getInt("items[0].quoteStart"));
        assertEquals("/api/claims/" + claim, quoteHit.getString("items[0].path"));
        JsonPath responseHit = search(w, "kind=response");
        assertEquals(text.indexOf("The army denied"), responseHit.getInt("items[0].quoteStart"));
        assertEquals(accused, responseHit.getLong("items[0].partyId"));
        assertEquals(party, search(w, "kind=party").getLong("items[0].partyId"));
        // The place of an incident is searched too.
        assertTrue(found(search("Tarn outskirts " + w)).contains("incident:" + incident));
    }

    private static long quoteIdOf(long claim) {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("select id from claim_source where claim_id = ?")) {
            s.setLong(1, claim);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theQueryLanguage() {
        String w = tag();
        long denied = article("The ministry denied that its " + w + " jets struck the bridge.");
        long denies = article("A spokesman denies the " + w + " report about the market.");
        long deny = article("They deny " + w + " everything, officials said.");
        String other = tag();
        long elsewhere = article("Nothing about that: " + other + " was quiet.");

        // Stemming: any form finds every form.
        for (String form : List.of("denied", "denies", "deny", "denying")) {
            assertEquals(Set.of("article:" + denied, "article:" + denies, "article:" + deny),
                    found(search(form + " " + w, "kind=article")), form);
        }
        // Phrases.
        assertEquals(Set.of("article:" + denied), found(search("\"ministry denied\" " + w)));
        assertEquals(Set.of(), found(search("\"denied ministry\" " + w)));
        // Exclusion, of a word in any of its forms.
        assertEquals(Set.of("article:" + denies, "article:" + deny), found(search(w + " -bridge")));
        assertEquals(Set.of("article:" + deny), found(search(w + " -bridge -\"the market\"")));
        assertEquals(Set.of(), found(search(w + " -denying")));
        // or.
        assertEquals(Set.of("article:" + deny, "article:" + elsewhere), found(search("everything " + w + " or " + other)));
    }

    @Test
    void namesWithAndWithoutHyphensAndAccents() {
        String w = tag();
        long hyphens = article("Jets struck Deir ez-Zor and al-Bab; Hašajek and Konashenkov spoke. " + w);
        long joined = article("Shelling of Deir ezZor and alBab reported by Hasajek. " + w);
        long spaced = article("Convoys left Deir ez Zor and al Bab at night; Konashénkov said so. " + w);
        Set<String> all = Set.of("article:" + hyphens, "article:" + joined, "article:" + spaced);
        for (String spelling : List.of("Deir ez-Zor", "Deir ezZor", "Deir ez Zor", "deir EZ-ZOR", "\"Deir ez-Zor\"",
                "\"Deir ez Zor\"", "\"Deir ezZor\"")) {
            assertEquals(all, found(search(spelling + " " + w)), spelling);
        }
        for (String spelling : List.of("al-Bab", "al Bab", "alBab", "\"al-Bab\"")) {
            assertEquals(all, found(search(spelling + " " + w)), spelling);
        }
        assertEquals(Set.of("article:" + hyphens, "article:" + joined), found(search("Hasajek " + w)));
        assertEquals(Set.of("article:" + hyphens, "article:" + joined), found(search("Hašajek " + w)));
        assertEquals(Set.of("article:" + hyphens, "article:" + spaced), found(search("Konashenkov " + w)));
        // Excluding a name excludes it however it is accented.
        assertEquals(Set.of("article:" + joined), found(search(w + " -Konashenkôv")));
    }

    @Test
    void snippetsAreEscapedAndMarked() {
        String w = tag();
        long id = article("Before. <script>alert('" + w + "')</script> & <b>bold</b> the " + w + " depot was hit. After.");
        JsonPath result = search(w);
        assertEquals(Set.of("article:" + id), found(result));
        String snippet = result.getString("items[0].snippet");
        assertTrue(snippet.contains("&lt;script&gt;"), snippet);
        assertTrue(snippet.contains("&amp;"), snippet);
        assertTrue(snippet.contains("<mark>" + w + "</mark>"), snippet);
        assertFalse(snippet.contains("<script"), snippet);
        assertFalse(snippet.replace("<mark>", "").replace("</mark>", "").contains("<"), snippet);
    }

    @Test
    void aLongArticlesSnippetMarksTheWordsWhereverTheyStand() {
        // A snippet is made from an article's first SearchService.ARTICLE_LEAD characters, and again
        // from the whole text when the words are not among them.
        String early = tag();
        String late = tag();
        String filler = "The convoy moved north along the river road before dawn. ".repeat(SearchService.ARTICLE_LEAD / 40);
        long id = article("Opening line about " + early + ". " + filler + "Closing & <b>last</b> line: the " + late + " depot.");
        String earlySnippet = search(early).getString("items[0].snippet");
        assertTrue(earlySnippet.contains("<mark>" + early + "</mark>"), earlySnippet);
        JsonPath found = search(late);
        assertEquals(Set.of("article:" + id), found(found));
        String lateSnippet = found.getString("items[0].snippet");
        assertTrue(lateSnippet.contains("<mark>" + late + "</mark>"), lateSnippet);
        assertTrue(lateSnippet.contains("&amp;"), lateSnippet);
        assertFalse(lateSnippet.contains(early), lateSnippet);
    }

    @Test
    void aSnippetIsMarkedWhenTheWordsFirstLiteralPlaceIsNoMatch() {
        // The snippet is first made around the first place the word's lexeme stands literally; here
        // that place is inside a longer word (no match), so it falls back to the lead, then the whole text.
        String w = tag();
        String filler = "The convoy moved north along the river road before dawn. ".repeat(SearchService.ARTICLE_LEAD / 40);
        long id = article("Opening line about pre" + w + "fix stores. " + filler + "Closing line: the " + w + " depot.");
        JsonPath found = search(w);
        assertEquals(Set.of("article:" + id), found(found));
        String snippet = found.getString("items[0].snippet");
        assertTrue(snippet.contains("<mark>" + w + "</mark>"), snippet);
        assertFalse(snippet.contains("pre" + w), snippet);
    }

    @Test
    void foundRightAfterEveryWriteAndGoneAfterDeletion() {
        String w = tag();
        long article = article("A plain text about " + w + " convoys.");
        assertEquals(1, total(w));
        // A correction of the article's text.
        String w2 = tag();
        Map<String, Object> body = Fixtures.articleBody(Fixtures.outlet(), "A corrected text about " + w2 + " convoys.", DAY);
        Fixtures.put("/api/articles/" + article, body).statusCode(200);
        assertEquals(0, total(w));
        assertEquals(Set.of("article:" + article), found(search(w2)));
        // A claim, created, corrected, deleted.
        long claimant = Fixtures.state("Claimant");
        Map<String, Object> claim = Fixtures.claimBody(claimant, null, article, "corrected text", DAY);
        claim.put("proposition", "The " + w2 + " convoys carried arms");
        long claimId = Fixtures.created("/api/claims", claim);
        assertTrue(found(search(w2)).contains("claim:" + claimId));
        String w3 = tag();
        claim.put("proposition", "The " + w3 + " convoys carried food");
        Fixtures.put("/api/claims/" + claimId, claim).statusCode(200);
        assertEquals(Set.of("claim:" + claimId), found(search(w3)));
        assertFalse(found(search(w2)).contains("claim:" + claimId));
        Fixtures.delete("/api/claims/" + claimId).statusCode(204);
        assertEquals(0, total(w3));
        // A party, renamed and given an alias; deleted.
        long party = Fixtures.created("/api/parties", Map.of("name", "Party " + w, "kind", "state"));
        assertEquals(Set.of("party:" + party), found(search(w)));
        String alias = tag();
        Fixtures.put("/api/parties/" + party, Map.of("name", "Party " + w, "kind", "state", "aliases", List.of(alias)))
                .statusCode(200);
        assertEquals(Set.of("party:" + party), found(search(alias)));
        Fixtures.delete("/api/parties/" + party).statusCode(204);
        assertEquals(0, total(w));
        assertEquals(0, total(alias));
    }

    @Test
    void foundRightAfterABulkImport() {
        String w = tag();
        String k = tag();
        String text = "Officials said jets of the " + w + " front bombed the market.";
        String rows = String.join("\n",
                "{\"type\":\"outlet\",\"name\":\"Times " + k + "\",\"kind\":\"news_site\"}",
                "{\"type\":\"party\",\"name\":\"Front " + w + "\",\"kind\":\"armed_group\",\"aliases\":[\"FR" + w + "\"]}",
                "{\"type\":\"party\",\"name\":\"State " + k + "\",\"kind\":\"state\"}",
                "{\"type\":\"article\",\"outlet\":\"Times " + k + "\",\"title\":\"Market strike\",\"publishedOn\":\"2019-05-02\","
                        + "\"url\":\"https://" + k + ".example.org/a\",\"text\":\"" + text + "\"}",
                "{\"type\":\"claim\",\"claimant\":\"State " + k + "\",\"addressedParty\":\"Front " + w + "\","
                        + "\"proposition\":\"The " + w + " front bombed the market\",\"kind\":\"attack_attribution\","
                        + "\"statedOn\":\"2019-05-02\",\"sources\":[{\"article\":\"https://" + k + ".example.org/a\","
                        + "\"quote\":\"jets of the " + w + " front bombed\"}]}");
        given().contentType("application/x-ndjson").body(rows.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/import").then().statusCode(200).body("state", is("imported"));
        JsonPath result = search(w);
        assertEquals(Set.of("article", "claim", "quote", "party"), new TreeSet<>(result.getList("items.kind", String.class)),
                result.prettify());
        assertEquals(4, result.getLong("total"));
        assertEquals(1, total("fr" + w));
    }

    @Test
    void badQueriesAreRefusedByNameOrFindNothing() {
        for (String q : List.of("", "   ")) {
            given().queryParam("q", q).when().get("/api/search").then().statusCode(400)
                    .contentType("application/problem+json").body("field", is("q"));
        }
        given().when().get("/api/search").then().statusCode(400).contentType("application/problem+json").body("field", is("q"));
        given().queryParam("q", "x".repeat(1_000)).when().get("/api/search").then().statusCode(400)
                .contentType("application/problem+json").body("field", is("q"));
        // Ten thousand characters: the server refuses the request line itself (414), before the tracker.
        int status = given().queryParam("q", "x".repeat(10_000)).when().get("/api/search").then().extract().statusCode();
        assertTrue(status == 400 || status == 414, "status " + status);
        given().urlEncodingEnabled(false).when().get("/api/search?q=a%00b").then().statusCode(400).contentType("application/problem+json")
                .body("field", is("q"));
        given().when().get("/api/search?q=depot&nosuch=1").then().statusCode(400).body("field", is("nosuch"));
        given().when().get("/api/search?q=depot&kind=planet").then().statusCode(400).body("field", is("kind"));
        given().when().get("/api/search?q=depot&from=2020-01-02&to=2020-01-01").then().statusCode(400).body("field", is("to"));
        // Only stop words: nothing, and no failure.
        JsonPath stop = search("the of and to");
        assertEquals(0, stop.getLong("total"));
        assertEquals(List.of(), stop.getList("items"));
        // Anything websearch_to_tsquery would take: never a 500.
        for (String q : List.of("\"unbalanced quote", "\"", "-", "--", "- -", "or", "or or", "!:*&|()<->", "'", "\\",
                "a:* | b & !c", "-\"\"", "<mark>", "ﬁ ß Ǆ", "１２３", "x".repeat(200), "\"a\" \"b", "-depot",
                "select * from claim; --")) {
            given().queryParam("q", q).when().get("/api/search").then().statusCode(200);
        }
    }

    @Test
    void filtersAndFacetsAgreeWithPlainSql() {
        String w = tag();
        long outletA = Fixtures.outlet();
        long outletB = Fixtures.outlet();
        long a1 = Fixtures.created("/api/articles", Fixtures.articleBody(outletA, "First " + w + " report: jets struck. Denied.", DAY));
        long a2 = Fixtures.created("/api/articles", Fixtures.articleBody(outletB, "Second " + w + " report: shells fell. Denied.",
                DAY.plusYears(1)));
        long russia = Fixtures.state("Claimant");
        long turkey = Fixtures.state("Accused");
        long incident = Fixtures.incident();
        long[] claims = new long[5];
        for (int i = 0; i < claims.length; i++) {
            Map<String, Object> body = Fixtures.claimBody(i < 3 ? russia : turkey, i < 3 ? turkey : russia, i % 2 == 0 ? a1 : a2,
                    i % 2 == 0 ? "jets struck" : "shells fell", DAY.plusYears(i % 2));
            body.put("proposition", "Claim " + i + " about the " + w + " strike");
            body.put("kind", i == 4 ? "casualties" : "attack_attribution");
            body.put("grading", i == 1 ? "weak" : "fair");
            if (i < 2) {
                body.put("incidentId", incident);
            }
            claims[i] = Fixtures.created("/api/claims", body);
        }
        Fixtures.response(claims[0], turkey, "denies", DAY, a1, "Denied.");
        Fixtures.response(claims[3], russia, "assessing", DAY.plusYears(1), a2, "Denied.");

        Map<String, Long> expected = new HashMap<>();
        expected.put("claims of russia", sqlCount("select count(*) from claim where proposition like ? and (claimant_id = ?"
                + " or addressed_party_id = ? or speaker_id = ? or exists (select 1 from response r where r.claim_id = claim.id"
                + " and r.party_id = ?))", "%" + w + "%", russia, russia, russia, russia));
        assertEquals(expected.get("claims of russia"), search(w, "kind=claim&partyId=" + russia).getLong("total"));
        assertEquals(sqlCount("select count(*) from claim where proposition like ? and grading = 'weak'", "%" + w + "%"),
                search(w, "kind=claim&grading=weak").getLong("total"));
        assertEquals(sqlCount("select count(*) from claim where proposition like ? and kind = 'casualties'", "%" + w + "%"),
                search(w, "claimKind=casualties&kind=claim").getLong("total"));
        assertEquals(sqlCount("select count(*) from claim where proposition like ? and incident_id = ?", "%" + w + "%", incident),
                search(w, "kind=claim&incidentId=" + incident).getLong("total"));
        assertEquals(sqlCount("select count(*) from claim c where proposition like ? and exists (select 1 from response r"
                + " where r.claim_id = c.id and r.stance = 'denies')", "%" + w + "%"), search(w, "kind=claim&stance=denies").getLong("total"));
        assertEquals(sqlCount("select count(*) from article where body like ? and outlet_id = ?", "%" + w + "%", outletA),
                search(w, "kind=article&outletId=" + outletA).getLong("total"));
        assertEquals(sqlCount("select count(*) from claim where proposition like ? and stated_on between ? and ?", "%" + w + "%",
                DAY.plusYears(1), DAY.plusYears(1)), search(w, "kind=claim&from=" + DAY.plusYears(1) + "&to=" + DAY.plusYears(1))
                .getLong("total"));
        // Position: the accused holds "denied" on claim 0 only.
        assertEquals(1, search(w, "position=denied&partyId=" + turkey).getLong("total"));

        // The facets of the whole result, against plain SQL.
        JsonPath all = search(w, "size=1");
        Map<String, Long> kinds = new HashMap<>();
        for (Map<String, Object> k : all.<Map<String, Object>>getList("facets.kinds")) {
            kinds.put((String) k.get("kind"), ((Number) k.get("count")).longValue());
        }
        assertEquals(sqlCount("select count(*) from claim where proposition like ?", "%" + w + "%"), kinds.get("claim"));
        assertEquals(sqlCount("select count(*) from article where body like ?", "%" + w + "%"), kinds.get("article"));
        assertEquals(kinds.values().stream().mapToLong(Long::longValue).sum(), all.getLong("total"));
        assertEquals(1, all.getList("items").size());
        Map<Long, Long> parties = new HashMap<>();
        for (Map<String, Object> p : all.<Map<String, Object>>getList("facets.parties")) {
            parties.put(((Number) p.get("partyId")).longValue(), ((Number) p.get("count")).longValue());
        }
        assertEquals(sqlCount("select count(*) from claim where proposition like ? and claimant_id = ?", "%" + w + "%", russia),
                parties.get(russia));
        Map<Integer, Long> years = new HashMap<>();
        for (Map<String, Object> y : all.<Map<String, Object>>getList("facets.years")) {
            years.put((Integer) y.get("year"), ((Number) y.get("count")).longValue());
        }
        for (int year : List.of(DAY.getYear(), DAY.getYear() + 1)) {
            assertEquals(sqlCount("select count(*) from claim where proposition like ? and extract(year from stated_on) = ?",
                    "%" + w + "%", year) + sqlCount("select count(*) from article where body like ?"
                    + " and extract(year from published_on) = ?", "%" + w + "%", year), years.get(year), "year " + year);
        }
    }

    static long sqlCount(String sql, Object... parameters) {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Test
    void suggestionsForMisspelledNames() {
        String w = tag();
        Fixtures.created("/api/parties", Map.of("name", "Barkhudarov " + w, "kind", "person"));
        JsonPath result = search("Barkhudarof" + w.substring(0, 6));
        assertTrue(result.getLong("total") < SearchService.FEW);
        assertTrue(result.getList("suggestions", String.class).contains("Barkhudarov " + w), result.prettify());
    }

    @Test
    void aKindWithMoreMatchesThanTheWindowSaysItsCountIsALowerBound() throws Exception {
        String w = tag();
        int many = SearchService.WINDOW + 5;
        try (Connection c = TestDatabase.connect(); PreparedStatement insert = c.prepareStatement(
                "insert into party (name, kind, created_by, updated_by) select 'Window ' || ? || ' ' || g, 'person', 'test', 'test'"
                        + " from generate_series(1, ?) g")) {
            insert.setString(1, w);
            insert.setInt(2, many);
            assertEquals(many, insert.executeUpdate());
        }
        long outlet = Fixtures.outlet();
        Fixtures.created("/api/articles", Fixtures.articleBody(outlet, "The " + w + " report. " + Fixtures.unique(""), DAY));
        JsonPath all = search(w, "size=100");
        assertFalse(all.getBoolean("complete"), all.prettify());
        assertEquals(SearchService.WINDOW + 1, all.getLong("total"));
        assertEquals(SearchService.WINDOW, all.getLong("facets.kinds.find { it.kind == 'party' }.count"));
        assertFalse(all.getBoolean("facets.kinds.find { it.kind == 'party' }.complete"));
        assertTrue(all.getBoolean("facets.kinds.find { it.kind == 'article' }.complete"));
        assertEquals(100, all.getList("items").size());
        // The pages end with the matches read; the kind with few matches is complete.
        assertEquals(0, search(w, "kind=party&page=" + SearchService.WINDOW / 20 + "&size=20").getList("items").size());
        assertEquals(20, search(w, "kind=party&page=" + (SearchService.WINDOW / 20 - 1) + "&size=20").getList("items").size());
        JsonPath articles = search(w, "kind=article");
        assertTrue(articles.getBoolean("complete"));
        assertEquals(1, articles.getLong("total"));
        // Articles have a smaller window.
        try (Connection c = TestDatabase.connect(); PreparedStatement insert = c.prepareStatement(
                "insert into article (outlet_id, title, published_on, body, content_hash, created_by, updated_by)"
                        + " select ?, 'Windowed ' || g, date '2017-06-18', 'The ' || ? || ' story, part ' || g || '.',"
                        + " encode(sha256(convert_to(? || g, 'UTF8')), 'hex'), 'test', 'test' from generate_series(1, ?) g")) {
            insert.setLong(1, outlet);
            insert.setString(2, w);
            insert.setString(3, w);
            insert.setInt(4, SearchService.ARTICLE_WINDOW);
            insert.executeUpdate();
        }
        JsonPath full = search(w, "kind=article");
        assertFalse(full.getBoolean("complete"));
        assertEquals(SearchService.ARTICLE_WINDOW, full.getLong("total"));
        assertFalse(full.getBoolean("facets.kinds.find { it.kind == 'article' }.complete"));
        // The admin page says that the counts are lower bounds.
        Map<String, String> session = Accounts.logIn(Logins.VIEWER, Logins.VIEWER_PASSWORD);
        String page = given().auth().none().cookies(session).get("/admin/search?q=" + w).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("party (" + SearchService.WINDOW + "+)"), page);
        assertTrue(page.contains("search-window"), page);
    }

    @Test
    void aSearchRunsABoundedNumberOfStatements() {
        String w = tag();
        long outlet = Fixtures.outlet();
        for (int i = 0; i < 45; i++) {
            Fixtures.created("/api/articles", Fixtures.articleBody(outlet, "Report " + i + " on the " + w + " depot. "
                    + Fixtures.unique(""), DAY));
        }
        for (String filters : List.of("", "&kind=article", "&outletId=" + outlet + "&from=2017-01-01")) {
            int small = statementsFor("/api/search?q=" + w + filters + "&size=2");
            int large = statementsFor("/api/search?q=" + w + filters + "&size=40");
            assertEquals(small, large, filters);
            // The query, the two halves of the matches (the tests split every search), the page.
            assertTrue(large <= 4, large + " statements");
        }
        // The suggestions (few hits) are part of the page's statement too.
        assertTrue(statementsFor("/api/search?q=" + tag()) <= 4);
        given().get("/api/search?q=" + w).then().body("total", is(45)).body("items.size()", is(20))
                .body("items[0].snippet", containsString("<mark>"));
    }

    /**
     * The fewest statements of three runs of the request: Hibernate's, and the second halves read
     * through JDBC on the search pool (the one or the other reads a split search's second half).
     */
    private int statementsFor(String path) {
        given().get(path).then().statusCode(200);
        int fewest = Integer.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            SqlStatementCounter.reset();
            long apart = service.halvesReadApart();
            given().get(path).then().statusCode(200);
            fewest = Math.min(fewest, SqlStatementCounter.count() + (int) (service.halvesReadApart() - apart));
        }
        return fewest;
    }
}
