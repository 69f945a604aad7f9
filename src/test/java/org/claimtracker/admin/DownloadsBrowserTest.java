package org.claimtracker.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.claimtracker.support.Browser;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The admin pages' downloads and uploads in a real headless Chromium, with the page's session (no
 * token): a filtered list as CSV and JSON, a report from the reports page, and a bulk import file
 * checked, refused with its bad rows, and imported.
 */
@QuarkusTest
class DownloadsBrowserTest {

    private static final LocalDate DAY = LocalDate.of(2019, 4, 2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    /** An article quoting one sentence, and two new states: one that accuses, one accused. */
    private record Scene(String quote, long article, long accuser, long accused) {

        static Scene of(String quote, String accuser, String accused) {
            return new Scene(quote, Fixtures.article("Witnesses said " + quote + ", and then again at noon.", DAY),
                    Fixtures.state(accuser), Fixtures.state(accused));
        }

        /** A claim of the accuser against the accused, from the quote, stated on the day given. */
        long claim(LocalDate statedOn) {
            return Fixtures.claim(accuser, accused, article, quote, statedOn);
        }
    }

    private static String read(Download download) {
        try {
            return Files.readString(download.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Download download(Page page, String linkText, Supplier<com.microsoft.playwright.Locator> scope) {
        return page.waitForDownload(() -> scope.get().getByText(linkText, new com.microsoft.playwright.Locator.GetByTextOptions()
                .setExact(true)).click());
    }

    @Test
    void aFilteredListDownloadsWholeAsCsvAndJsonWithThePagesSession(TestInfo test) {
        Scene scene = Scene.of("the kingdom's jets struck the grain store at dawn", "Exporter", "Kingdom");
        String quote = scene.quote();
        long article = scene.article();
        long claimant = scene.accuser();
        long kingdom = scene.accused();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = Fixtures.claimBody(claimant, kingdom, article, quote, DAY.minusDays(i));
            body.put("proposition", (i == 0 ? "=1+1 " : "") + "The kingdom struck the grain store, report " + i);
            ids.add(Fixtures.created("/api/claims", body));
        }
        Browser.run(test.getDisplayName(), root.toString(), page -> {
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            page.navigate("/admin/claims?claimantId=" + claimant);
            assertThat(page.locator("table tbody tr")).hasCount(3);
            assertThat(page.locator("p.downloads")).containsText("Download this list (3 rows)");

            Download csv = download(page, "CSV", () -> page.locator("p.downloads"));
            assertEquals("claims.csv", csv.suggestedFilename());
            String[] lines = read(csv).split("\r\n");
            assertEquals(4, lines.length, String.join("\n", lines));
            List<String> header = List.of(lines[0].split(","));
            assertTrue(header.containsAll(List.of("id", "proposition", "claimant.id", "claimant.name")), lines[0]);
            // Newest first, as the page lists them; the formula-like proposition is inert.
            assertTrue(lines[1].startsWith(ids.get(0) + ","), lines[1]);
            assertTrue(lines[1].contains(",\"'=1+1 The kingdom struck"), lines[1]);
            assertTrue(lines[3].startsWith(ids.get(2) + ","), lines[3]);

            Download json = download(page, "JSON", () -> page.locator("p.downloads"));
            assertEquals("claims.json", json.suggestedFilename());
            JsonNode rows = json(read(json));
            TreeSet<Long> got = new TreeSet<>();
            rows.forEach(row -> got.add(row.get("id").asLong()));
            assertEquals(new TreeSet<>(ids), got);
            rows.forEach(row -> assertEquals(claimant, row.get("claimant").get("id").asLong()));
        });
    }

    @Test
    void aPartysClaimsUnderATabDownloadWhole(TestInfo test) {
        Scene scene = Scene.of("the ministry's drones hit the water plant", "Accuser", "Ministry");
        long ministry = scene.accused();
        long first = scene.claim(DAY);
        long second = scene.claim(DAY.minusDays(2));
        Browser.run(test.getDisplayName(), root.toString(), page -> {
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            page.navigate("/admin/parties/" + ministry + "?status=unresolved");
            assertThat(page.locator("p.downloads")).containsText("Download this list (2 rows)");
            Download csv = download(page, "CSV", () -> page.locator("p.downloads"));
            assertEquals("party-" + ministry + "-unresolved.csv", csv.suggestedFilename());
            String[] lines = read(csv).split("\r\n");
            assertEquals(3, lines.length, String.join("\n", lines));
            assertTrue(lines[0].contains("claimId") && lines[0].contains("position"), lines[0]);
            assertTrue(lines[1].startsWith(first + ",") && lines[2].startsWith(second + ","), lines[1] + " / " + lines[2]);
        });
    }

    @Test
    void theReportsPageListsEveryReportAndDownloadsItFilteredByParty(TestInfo test) throws Exception {
        Scene scene = Scene.of("the republic's artillery shelled the bridge", "Reporter", "Republic");
        long republic = scene.accused();
        scene.claim(DAY);
        Fixtures.claim(republic, scene.accuser(), scene.article(), scene.quote(), DAY.minusDays(1));
        int reports = given().get("/api/reports").then().statusCode(200).extract().jsonPath().getList("$").size();
        long expected = Long.parseLong(TestDatabase.column(
                "select count(*) from reporting.claims where ? in (claimant_id, addressed_party_id)", republic).get(0));
        assertEquals(2, expected);

        Browser.run(test.getDisplayName(), root.toString(), page -> {
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            page.navigate("/admin/reports?partyId=" + republic);
            assertThat(page.locator("table.reports tbody tr")).hasCount(reports);
            // A report that cannot be filtered by party says it leaves the party out.
            assertThat(page.locator("#report-outlet_claims")).containsText("Leaves out: partyId");

            Download json = download(page, "JSON", () -> page.locator("#report-claims"));
            assertEquals("claims.json", json.suggestedFilename());
            JsonNode rows = json(read(json));
            assertEquals(expected, rows.size());
            rows.forEach(row -> assertTrue(row.get("claimant_id").asLong() == republic
                    || row.get("addressed_party_id").asLong() == republic, row.toString()));

            Download csv = download(page, "CSV", () -> page.locator("#report-claims"));
            assertEquals("claims.csv", csv.suggestedFilename());
            assertEquals(expected + 1, read(csv).split("\r\n").length);

            // Without a session the admin export sends the browser to the login page.
            assertEquals(302, given().auth().none().redirects().follow(false).get("/admin/reports/claims?format=json")
                    .statusCode());
        });
    }

    @Test
    void anImportFileIsCheckedRefusedWithItsBadRowsAndImportedFromTheUploadPage(TestInfo test) throws Exception {
        String outlet = Fixtures.unique("Upload Gazette");
        String party = Fixtures.unique("Upload Front");
        Path dir = Files.createTempDirectory("upload");
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"type\":\"outlet\",\"name\":\"" + outlet + "\",\"kind\":\"news_site\"}\n"
                + "{\"type\":\"party\",\"name\":\"" + party + "\",\"kind\":\"no_such_kind\"}\n");
        Path good = dir.resolve("good.jsonl");
        Files.writeString(good, "{\"type\":\"outlet\",\"name\":\"" + outlet + "\",\"kind\":\"news_site\"}\n"
                + "{\"type\":\"party\",\"name\":\"" + party + "\",\"kind\":\"armed_group\"}\n");
        Supplier<Long> stored = () -> {
            try {
                return Long.parseLong(TestDatabase.column("select (select count(*) from outlet where name = ?)"
                        + " + (select count(*) from party where name = ?)", outlet, party).get(0));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };

        Browser.run(test.getDisplayName(), root.toString(), page -> {
            Browser.logIn(page, Logins.ANALYST, Logins.ANALYST_PASSWORD);
            page.navigate("/admin/import");
            page.setInputFiles("#f-file", bad);
            page.locator("form.record-form button[type=submit]").click();
            assertThat(page.locator("#import-result h2")).containsText("Refused: 1 bad row");
            assertThat(page.locator("table.row-errors tbody tr")).hasCount(1);
            assertThat(page.locator("table.row-errors tbody tr td").first()).hasText("2");
            assertEquals(0L, stored.get());

            // Dry run (ticked by default): counted, not written.
            page.setInputFiles("#f-file", good);
            page.locator("form.record-form button[type=submit]").click();
            assertThat(page.locator("#import-result h2")).containsText("Checked: nothing wrong, nothing written");
            assertEquals(0L, stored.get());

            page.setInputFiles("#f-file", good);
            page.locator("#f-dryRun").uncheck();
            page.locator("form.record-form button[type=submit]").click();
            assertThat(page.locator("#import-result h2")).hasText("Imported");
            assertThat(page.locator("table.counts")).containsText("party");
            assertEquals(2L, stored.get());
            // The recent imports are listed with their state.
            assertThat(page.locator("table.imports")).containsText("good.jsonl");
        });

        // A viewer may not import.
        Browser.run(test.getDisplayName() + "-viewer", root.toString(), page -> {
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            assertEquals(403, page.navigate("/admin/import").status());
        });
    }

    /** The lines of a downloaded CSV file as maps from its header's names to the cells. */
    private static List<Map<String, String>> csvRows(Download download) {
        String[] lines = read(download).split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new java.util.HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void theDashboardsTablesDownloadWhole(TestInfo test) {
        Scene scene = Scene.of("the navy's boats mined the harbour mouth", "Harbour Accuser", "Harbour Navy");
        long navy = scene.accused();
        long denied = scene.claim(DAY.minusDays(3));
        long open = scene.claim(DAY.minusDays(2));
        Fixtures.response(denied, navy, "denies", DAY.minusDays(1), scene.article(), scene.quote());
        Browser.run(test.getDisplayName(), root.toString(), page -> {
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            page.navigate("/admin");

            // Positions by party: every party, not only the page shown, a column per position.
            Download parties = download(page, "CSV", () -> page.locator("#parties p.downloads"));
            assertEquals("positions-by-party.csv", parties.suggestedFilename());
            Map<String, String> navyRow = csvRows(parties).stream().filter(r -> r.get("party.id").equals(String.valueOf(navy)))
                    .findFirst().orElseThrow();
            assertEquals(Map.of("denied", "1", "unresolved", "1", "confirmed", "0", "total", "2"), Map.of("denied",
                    navyRow.get("denied"), "unresolved", navyRow.get("unresolved"), "confirmed", navyRow.get("confirmed"),
                    "total", navyRow.get("total")));

            // Still unresolved: the open claim is there, the denied one is not.
            Download unresolved = download(page, "JSON", () -> page.locator("section[aria-labelledby=open-h] p.downloads"));
            assertEquals("unresolved-claims.json", unresolved.suggestedFilename());
            JsonNode claims = json(read(unresolved));
            List<Long> ids = new ArrayList<>();
            claims.forEach(c -> ids.add(c.get("claimId").asLong()));
            assertTrue(ids.contains(open) && !ids.contains(denied), ids.toString());

            // The spans of open days count the same claims.
            Download spans = download(page, "JSON", () -> page.locator("#open-ages p.downloads"));
            long counted = 0;
            for (JsonNode span : json(read(spans))) {
                counted += span.get("n").asLong();
            }
            assertEquals(claims.size(), counted);

            // Per month: the rows of the table on the page.
            Download months = download(page, "CSV", () -> page.locator("#activity p.downloads"));
            assertEquals("claims-and-responses-per-month.csv", months.suggestedFilename());
            List<Map<String, String>> monthRows = csvRows(months);
            assertEquals(page.locator("#activity-table tbody tr").count(), monthRows.size());
            assertTrue(monthRows.get(0).keySet().containsAll(List.of("month", "claims", "responses")), monthRows.get(0).toString());
        });
        // A table the dashboard does not have is not found.
        Browser.run(test.getDisplayName() + "-unknown", root.toString(), page -> {
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            assertEquals(404, page.navigate("/admin/dashboard/nothing.csv").status());
        });
    }

    @Test
    void searchResultsDownloadEveryPage(TestInfo test) {
        String word = "harbourmaster" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Scene scene = Scene.of("the " + word + " saw the mines laid", "Port Authority", "Port Raiders");
        long article = scene.article();
        scene.claim(DAY);
        Browser.run(test.getDisplayName(), root.toString(), page -> {
            Browser.logIn(page, Logins.VIEWER, Logins.VIEWER_PASSWORD);
            page.navigate("/admin/search?q=" + word);
            int shown = page.locator("li.search-hit").count();
            assertTrue(shown >= 2, "hits shown: " + shown);
            Download csv = download(page, "CSV", () -> page.locator("p.downloads"));
            assertEquals("search.csv", csv.suggestedFilename());
            List<Map<String, String>> rows = csvRows(csv);
            assertEquals(shown, rows.size());
            assertTrue(rows.stream().anyMatch(r -> r.get("kind").equals("article") && r.get("id").equals(String.valueOf(article))),
                    rows.toString());
            Download json = download(page, "JSON", () -> page.locator("p.downloads"));
            List<String> found = new ArrayList<>();
            json(read(json)).forEach(hit -> found.add(hit.get("kind").asText() + ":" + hit.get("id").asLong()));
            // The claim's quote is found as a quote (the claim's proposition does not hold the word).
            assertTrue(found.contains("article:" + article) && found.stream().anyMatch(f -> f.startsWith("quote:")),
                    found.toString());
            assertEquals(shown, found.size());
        });
    }

    @Test
    void theUploadPageNamesTheFieldOfABadUploadAndImportsNothing(TestInfo test) throws Exception {
        Path dir = Files.createTempDirectory("upload-bad");
        String outlet = Fixtures.unique("Bad Upload Gazette");
        Path text = dir.resolve("outlets.txt");
        Files.writeString(text, "{\"type\":\"outlet\",\"name\":\"" + outlet + "\",\"kind\":\"news_site\"}\n");
        Path csv = dir.resolve("outlets.csv");
        Files.writeString(csv, "name,kind\n" + outlet + ",news_site\n");
        Browser.run(test.getDisplayName(), root.toString(), page -> {
            Browser.logIn(page, Logins.ANALYST, Logins.ANALYST_PASSWORD);
            page.navigate("/admin/import");
            // No file (the browser's own check taken away, as an old browser or a script would send it).
            page.locator("#f-file").evaluate("input => input.removeAttribute('required')");
            assertEquals(400, page.waitForResponse(r -> r.request().method().equals("POST"),
                    () -> page.locator("form.record-form button[type=submit]").click()).status());
            assertThat(page.locator("#e-file")).hasText("Choose a file to import");

            // A file whose name says no format.
            page.setInputFiles("#f-file", text);
            assertEquals(400, page.waitForResponse(r -> r.request().method().equals("POST"),
                    () -> page.locator("form.record-form button[type=submit]").click()).status());
            assertThat(page.locator("#e-file")).containsText("Name the file .csv, .jsonl or .ndjson");

            // A kind of record the importer does not know.
            page.setInputFiles("#f-file", csv);
            page.locator("#f-type").evaluate("select => { select.add(new Option('gossip', 'gossip')); select.value = 'gossip'; }");
            page.locator("#f-dryRun").uncheck();
            assertEquals(400, page.waitForResponse(r -> r.request().method().equals("POST"),
                    () -> page.locator("form.record-form button[type=submit]").click()).status());
            assertThat(page.locator("#form-errors")).containsText("The kind of record must be one of");
            assertThat(page.locator("#f-type")).hasAttribute("aria-invalid", "true");
        });
        assertEquals(List.of("0"), TestDatabase.column("select count(*) from outlet where name = ?", outlet));
    }
}
