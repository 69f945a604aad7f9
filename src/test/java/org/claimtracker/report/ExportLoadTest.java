package org.claimtracker.report;

import org.claimtracker.core.ExportLimits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Accounts;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.Logins;
import org.claimtracker.support.RawHttp;
import org.claimtracker.support.TestDatabase;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Exports must not starve the rest of the tracker: clients that ask for big reports and then read
 * nothing hold neither database connections nor more than their share of export slots, and when the
 * pool is exhausted all the same, every user gets 503 with Retry-After rather than 500.
 */
@QuarkusTest
class ExportLoadTest {

    /**
     * Claims of about 3,900 characters each: a CSV of some 35 MB. A stalled client's export must not
     * fit whole into the buffers between the tracker and the client (the kernel's, Netty's), or it
     * would end, rightly, and give its slot back: up to 7.6 MB of a 12 MB export were seen to leave
     * before a client that read nothing, so the export is made several times larger than that.
     */
    private static final int BIG_CLAIMS = 9_000;
    private static final String PASSWORD = "export-test-password";

    @Inject
    AgroalDataSource pool;

    private static long bigParty;

    private static synchronized long bigReport() throws SQLException {
        if (bigParty == 0) {
            long claimant = Fixtures.party("Prolific ministry", "government_body");
            try (Connection connection = TestDatabase.connect(); PreparedStatement insert = connection.prepareStatement("""
                    insert into claim (claimant_id, proposition, kind, stated_on, created_by, updated_by)
                    select ?, 'Long claim ' || g || ' ' || repeat('x', 3900), 'other', ?::date + (g % 30),
                           'export-test', 'export-test'
                      from generate_series(1, ?) g
                    """)) {
                insert.setLong(1, claimant);
                insert.setObject(2, LocalDate.of(2019, 1, 1));
                insert.setInt(3, BIG_CLAIMS);
                assertEquals(BIG_CLAIMS, insert.executeUpdate());
            }
            bigParty = claimant;
        }
        return bigParty;
    }

    /** Asks for the big report and reads only the head of the answer; the body stays unread. */
    private static RawHttp.Head stalledExport(List<RawHttp> open, String token, long party) throws IOException {
        RawHttp client = RawHttp.connect(null, 4096);
        open.add(client);
        return client.get("/api/reports/claims?format=csv&partyId=" + party, "Authorization: Bearer " + token).head();
    }

    private static void awaitNoExportInProgress() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (inProgress() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, inProgress(), "exports of earlier tests still in progress after a minute");
    }

    private static int inProgress() {
        return Arc.container().instance(ExportLimits.class).get().inProgress();
    }

    @Test
    void clientsThatStopReadingExportsHoldNoConnectionsAndOthersAreStillServed() throws Exception {
        long party = bigReport();
        int perAccount = ConfigProvider.getConfig().getValue("tracker.exports.per-account", Integer.class);
        int max = ConfigProvider.getConfig().getValue("tracker.exports.max", Integer.class);
        int poolSize = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.max-size", Integer.class);
        String first = Accounts.create("viewer", PASSWORD);
        String firstToken = Accounts.token(first);
        // Exports of earlier tests give their slots back when their last byte has left, on the event
        // loop, a little after their clients read it: start from none in progress.
        awaitNoExportInProgress();
        List<RawHttp> open = new ArrayList<>();
        try {
            for (int i = 0; i < perAccount; i++) {
                assertEquals(200, stalledExport(open, firstToken, party).status(), "export " + i + " of one account");
            }
            assertEquals(perAccount, inProgress(), "stalled exports stay in progress");
            for (int i = 0; i < poolSize; i++) {
                RawHttp.Head refused = stalledExport(open, firstToken, party);
                assertEquals(429, refused.status(), "one account beyond its share");
                assertNotNull(refused.header("Retry-After"));
                assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
            }

            int held = perAccount;
            while (held < max) {
                String token = Accounts.token(Accounts.create("viewer", PASSWORD));
                for (int i = 0; i < perAccount && held < max; i++, held++) {
                    assertEquals(200, stalledExport(open, token, party).status(), "export " + held + " in all");
                }
            }
            assertEquals(max, inProgress());
            RawHttp.Head busy = stalledExport(open, Accounts.token(Accounts.create("viewer", PASSWORD)), party);
            assertEquals(503, busy.status(), "the tracker beyond its exports in all");
            assertNotNull(busy.header("Retry-After"));

            // Everyone else is served at once: a token never seen before (checked in the database),
            // a login, an admin page, readiness and a write.
            given().auth().oauth2(Accounts.token(Logins.ANALYST)).get("/api/parties").then().statusCode(200);
            Map<String, String> session = Accounts.logIn(Accounts.create("analyst", PASSWORD), PASSWORD);
            given().auth().none().cookies(session).redirects().follow(false).get("/admin/claims").then().statusCode(200);
            given().auth().none().get("/q/health/ready").then().statusCode(200);
            Fixtures.state("Still writable");
        } finally {
            for (RawHttp client : open) {
                client.close();
            }
        }

        // Clients that went away give their slots back: the first account may export again.
        Response again = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            again = given().auth().oauth2(firstToken).get("/api/reports/position_summary?partyId=" + party);
            if (again.statusCode() != 429 && again.statusCode() != 503) {
                break;
            }
            Thread.onSpinWait();
        }
        assertNotNull(again);
        assertEquals(200, again.statusCode(), again.asString());
        assertNull(again.getHeader("Transfer-Encoding"), "sent whole, not streamed");
        assertEquals(String.valueOf(again.asByteArray().length), again.getHeader("Content-Length"));
    }

    @Test
    void anExhaustedPoolAnswers503WithRetryAfterEverywhere() throws Exception {
        int poolSize = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.max-size", Integer.class);
        String freshToken = Accounts.token(Logins.VIEWER);
        Map<String, String> session = Accounts.logIn(Accounts.create("viewer", PASSWORD), PASSWORD);
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                taken.add(pool.getConnection());
            }
            long started = System.nanoTime();
            // A known token needs no database to be checked; the request then needs it.
            given().get("/api/parties").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue()).body("status", is(503));
            // A token seen for the first time is checked in the database.
            given().auth().oauth2(freshToken).get("/api/parties").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue());
            // So is an admin session, on every request.
            given().auth().none().cookies(session).redirects().follow(false).get("/admin/claims").then()
                    .statusCode(503).header("Retry-After", notNullValue());
            given().auth().none().redirects().follow(false).formParam("j_username", Logins.VIEWER)
                    .formParam("j_password", Logins.VIEWER_PASSWORD).post("/j_security_check").then()
                    .statusCode(503).header("Retry-After", notNullValue());
            // The documented wait is 5 s for each; far more would mean threads hang.
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(120).toNanos(), "answered without hanging");
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        given().auth().oauth2(freshToken).get("/api/parties").then().statusCode(200);
        given().auth().none().cookies(session).redirects().follow(false).get("/admin/claims").then().statusCode(200);
    }
}
