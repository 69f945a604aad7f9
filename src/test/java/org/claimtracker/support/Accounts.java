package org.claimtracker.support;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimtracker.account.Passwords;
import org.claimtracker.account.TokenRequest;
import org.claimtracker.account.TokenService;

/** Accounts of a test's own, so that what it does to them (lockouts, logouts, resets) touches nobody else. */
public final class Accounts {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Accounts() {
    }

    /** A new enabled account with this role and password, written straight into the database. */
    public static String create(String role, String password) {
        String username = "t" + System.nanoTime() + "-" + COUNTER.incrementAndGet();
        try (Connection connection = TestDatabase.connect();
                PreparedStatement insert = connection.prepareStatement("insert into account (username, password_hash, role,"
                        + " created_by, updated_by) values (?, ?, ?, 'test', 'test')")) {
            insert.setString(1, username);
            insert.setString(2, Passwords.hash(password));
            insert.setString(3, role);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return username;
    }

    /** A new API token of the account, made the way the command line makes one. */
    public static String token(String username) {
        return Arc.container().instance(TokenService.class).get().issue(username, new TokenRequest("test", null)).token();
    }

    /** The hidden fields of an admin page's forms and the cookies that came with it, for a form post by hand. */
    public record FormPage(Map<String, String> fields, Map<String, String> cookies) {
    }

    /** Loads an admin page with the session's cookies and picks up its forms' hidden security fields. */
    public static FormPage formPage(Map<String, String> session, String path) {
        return formPage(given().auth().none(), session, path);
    }

    /** The same from the tracker {@code on} addresses (another instance, say). */
    public static FormPage formPage(io.restassured.specification.RequestSpecification on, Map<String, String> session,
            String path) {
        Response page = on.cookies(session).get(path);
        if (page.getStatusCode() != 200) {
            throw new AssertionError(path + " answered " + page.getStatusCode());
        }
        Map<String, String> fields = new java.util.HashMap<>();
        java.util.regex.Matcher hidden = java.util.regex.Pattern
                .compile("<input type=\"hidden\" name=\"(csrf-token|session-form-key)\" value=\"([^\"]*)\"")
                .matcher(page.asString());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        Map<String, String> cookies = new java.util.HashMap<>(session);
        cookies.putAll(page.getCookies());
        return new FormPage(fields, cookies);
    }

    /** Posts the page's logout form, with the security fields an admin page hands out; answers the response. */
    public static Response logOut(Map<String, String> session) {
        FormPage page = formPage(session, "/admin/tokens");
        return given().auth().none().cookies(page.cookies()).redirects().follow(false).formParams(page.fields())
                .post("/logout");
    }

    /** Logs in through the login form; answers the cookies of the session (fails unless the login succeeds). */
    public static Map<String, String> logIn(String username, String password) {
        Response response = given().auth().none().redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        String location = response.getHeader("Location");
        if (response.getStatusCode() != 302 || location == null || !location.endsWith("/admin")) {
            throw new AssertionError("login of " + username + " failed: " + response.getStatusCode() + " " + location);
        }
        return response.getCookies();
    }
}
