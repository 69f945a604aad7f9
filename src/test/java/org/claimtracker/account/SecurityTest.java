package org.claimtracker.account;

import org.claimtracker.support.Accounts;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.claimtracker.support.Logins;
import org.claimtracker.support.RawHttp;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.claimtracker.core.ApiProblem;

@QuarkusTest
class SecurityTest {

    /** Logs in through the admin login form; answers where it sends the browser. */
    private static String logIn(String username, String password) {
        return given().auth().none().redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check").then().statusCode(org.hamcrest.Matchers.oneOf(302, 303))
                .extract().header("Location");
    }

    @Test
    void repeatedFailedLoginsAreThrottledEvenWhenTheRightPasswordFollows() throws Exception {
        String username = Accounts.create("viewer", "the-right-password");
        for (int i = 0; i < 5; i++) {
            org.hamcrest.MatcherAssert.assertThat(logIn(username, "wrong-" + i), containsString("/login?error"));
        }
        org.hamcrest.MatcherAssert.assertThat(logIn(username, "the-right-password"), containsString("/login?throttled="));
        given().auth().none().get("/login?throttled=300").then().statusCode(200)
                .body(containsString("Too many failed attempts"));
    }

    @Test
    void aSuccessfulLoginClearsTheCount() throws Exception {
        String username = Accounts.create("viewer", "another-right-password");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                org.hamcrest.MatcherAssert.assertThat(logIn(username, "wrong"), containsString("/login?error"));
            }
            org.hamcrest.MatcherAssert.assertThat(logIn(username, "another-right-password"), containsString("/admin"));
        }
    }

    /** A login posted from {@code address} (any 127.x.y.z is this machine); answers where it sends the browser. */
    private static String logInFrom(String address, String username, String password) throws Exception {
        try (RawHttp client = RawHttp.connect(address, 0)) {
            RawHttp.Head head = client.postForm("/j_security_check", "j_username=" + username + "&j_password=" + password)
                    .head();
            org.junit.jupiter.api.Assertions.assertTrue(head.status() == 302 || head.status() == 303, head.lines().toString());
            return head.header("Location");
        }
    }

    @Test
    void strangersGuessingFromOtherAddressesCannotLockTheOwnerOut() throws Exception {
        String username = Accounts.create("viewer", "the-owners-password");
        org.hamcrest.MatcherAssert.assertThat(logInFrom("127.0.0.1", username, "the-owners-password"),
                org.hamcrest.Matchers.endsWith("/admin"));

        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        int perAddress = config.getValue("tracker.login.max-failures-per-user", Integer.class);
        int everywhere = config.getValue("tracker.login.max-failures-per-user-everywhere", Integer.class);
        for (int address = 20; address < 20 + everywhere / perAddress; address++) {
            for (int i = 0; i < perAddress; i++) {
                org.hamcrest.MatcherAssert.assertThat(logInFrom("127.0.0." + address, username, "guess-" + i),
                        containsString("/login?error"));
            }
            org.hamcrest.MatcherAssert.assertThat("each guesser is stopped, even with the right password",
                    logInFrom("127.0.0." + address, username, "the-owners-password"), containsString("/login?throttled="));
        }
        org.hamcrest.MatcherAssert.assertThat("many guessers together stop logins from addresses never seen for the account",
                logInFrom("127.0.0.250", username, "the-owners-password"), containsString("/login?throttled="));
        org.hamcrest.MatcherAssert.assertThat("the owner still gets in",
                logInFrom("127.0.0.1", username, "the-owners-password"), org.hamcrest.Matchers.endsWith("/admin"));
    }

    private static String refusal(String username, String password) {
        AccountService accounts = io.quarkus.arc.Arc.container().instance(AccountService.class).get();
        try {
            accounts.create(new AccountRequest(username, null, password, AccountRole.viewer, true, null));
            return null;
        } catch (ApiProblem problem) {
            org.junit.jupiter.api.Assertions.assertEquals("password", problem.field());
            org.junit.jupiter.api.Assertions.assertEquals(422, problem.status());
            return problem.getMessage();
        }
    }

    @Test
    void commonAndEasilyGuessedPasswordsAreRefused() {
        String username = "chooser" + System.nanoTime();
        for (String weak : java.util.List.of("password123", "P@ssw0rd!", "Qwertyuiop", "1q2w3e4r5t", "letmein2024!",
                "sunshine", "aaaaaaaaaa", "12121212", "passpass", username, username + "2024")) {
            org.junit.jupiter.api.Assertions.assertNotNull(refusal(username, weak), weak + " was accepted");
        }
        org.junit.jupiter.api.Assertions.assertNull(refusal(username, "plum violin harbour"));
    }

    @Test
    void everyCharacterOfALongPasswordCountsAndOlderHashesStillWork() throws Exception {
        String username = "longpass" + System.nanoTime();
        String passphrase = "the quick brown fox jumps over the lazy dog while the claims keep coming in, day after day";
        org.junit.jupiter.api.Assertions.assertTrue(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 80);
        org.junit.jupiter.api.Assertions.assertNull(refusal(username, passphrase));
        String sameFirst72Bytes = passphrase.substring(0, 72) + " but the end differs";
        org.hamcrest.MatcherAssert.assertThat(logIn(username, sameFirst72Bytes), containsString("/login?error"));
        org.hamcrest.MatcherAssert.assertThat(logIn(username, passphrase), org.hamcrest.Matchers.endsWith("/admin"));

        String legacy = "legacy" + System.nanoTime();
        try (Connection connection = TestDatabase.connect();
                PreparedStatement insert = connection.prepareStatement("insert into account (username, password_hash, role,"
                        + " created_by, updated_by) values (?, ?, 'viewer', 'test', 'test')")) {
            insert.setString(1, legacy);
            insert.setString(2, io.quarkus.elytron.security.common.BcryptUtil.bcryptHash("a password from before"));
            insert.executeUpdate();
        }
        org.hamcrest.MatcherAssert.assertThat(logIn(legacy, "a password from before"), org.hamcrest.Matchers.endsWith("/admin"));
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefused() {
        given().auth().none().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("j_username", Logins.ANALYST).formParam("j_password", Logins.ANALYST_PASSWORD)
                .post("/j_security_check").then().statusCode(403);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() throws Exception {
        String username = Accounts.create("viewer", "stored-password");
        try (Connection connection = TestDatabase.connect();
                PreparedStatement select = connection.prepareStatement("select password_hash from account where username = ?")) {
            select.setString(1, username);
            var rows = select.executeQuery();
            rows.next();
            org.junit.jupiter.api.Assertions.assertTrue(rows.getString(1).matches("^sha256\\+\\$2[aby]\\$.{56}$"),
                    "bcrypt of the password's HMAC-SHA-256: " + rows.getString(1));
        }
    }

    @Test
    void adminPagesForbidFramingSniffingAndForeignScripts() {
        given().auth().none().redirects().follow(false).get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Frame-Options", is("DENY"))
                .header("X-Content-Type-Options", is("nosniff"));
        given().get("/api/parties").then().header("X-Content-Type-Options", is("nosniff"));
    }

    @Test
    void healthIsPublicAndReportsTheDatabase() {
        given().auth().none().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().auth().none().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Database connections health check' }.status", is("UP"));
        given().auth().oauth2(Logins.viewerToken()).get("/api/parties").then().statusCode(200);
    }
}
