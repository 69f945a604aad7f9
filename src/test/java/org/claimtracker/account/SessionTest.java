package org.claimtracker.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.restassured.response.Response;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.claimtracker.support.Accounts;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.claimtracker.core.PageParams;
import org.claimtracker.support.Fixtures;
import org.claimtracker.security.SessionForms;

/** Admin sessions end when they should: logout, a new password, disabling, and their absolute lifetime. */
@QuarkusTest
class SessionTest {

    private static final String PASSWORD = "session-test-password";
    private static final String SESSION = "tracker_session";

    /** What an admin page answers to these cookies: 200, or the way to the login page. */
    private static Response adminPage(Map<String, String> cookies) {
        return given().auth().none().cookies(cookies).redirects().follow(false).get("/admin/claims");
    }

    private static void assertSentToLogin(Response response) {
        assertTrue(response.statusCode() == 302 || response.statusCode() == 303, response.statusCode() + " " + response.asString());
        assertTrue(response.getHeader("Location").endsWith("/login"), response.getHeader("Location"));
        String renewed = response.getCookie(SESSION);
        assertTrue(renewed == null || renewed.isEmpty(), "an ended session's cookie is not renewed: " + renewed);
    }

    @Test
    void loggingOutEndsTheSessionEvenForACopyOfItsCookie() {
        String username = Accounts.create("viewer", PASSWORD);
        Map<String, String> captured = Accounts.logIn(username, PASSWORD);
        assertNotNull(captured.get(SESSION));
        assertNotNull(captured.get(Sessions.LOGIN_COOKIE));
        assertEquals(200, adminPage(captured).statusCode());

        Response logout = Accounts.logOut(captured);
        assertEquals(303, logout.statusCode());
        assertEquals("", logout.getCookie(SESSION));
        assertEquals("", logout.getCookie(Sessions.LOGIN_COOKIE));

        assertSentToLogin(adminPage(captured));
        assertEquals(200, adminPage(Accounts.logIn(username, PASSWORD)).statusCode(), "a new login works");
    }

    @Test
    void aNewPasswordEndsTheAccountsSessionsAndRevokesItsTokens() {
        String victim = Accounts.create("analyst", PASSWORD);
        Map<String, String> session = Accounts.logIn(victim, PASSWORD);
        String token = Accounts.token(victim);
        given().auth().oauth2(token).get("/api/parties").then().statusCode(200);
        assertEquals(200, adminPage(session).statusCode());

        AccountService accounts = Arc.container().instance(AccountService.class).get();
        AccountDetail account = accounts.list(victim, new PageParams(0, 5)).items().get(0);
        accounts.update(account.id(), new AccountRequest(victim, null, "a-brand-new-password", account.role(), true,
                account.version()));

        assertSentToLogin(adminPage(session));
        given().auth().oauth2(token).get("/api/parties").then().statusCode(401);
        assertEquals(200, adminPage(Accounts.logIn(victim, "a-brand-new-password")).statusCode());
    }

    @Test
    void disablingEndsTheSessionsForGoodEvenWhenTheAccountIsEnabledAgain() {
        String username = Accounts.create("viewer", PASSWORD);
        Map<String, String> session = Accounts.logIn(username, PASSWORD);
        AccountService accounts = Arc.container().instance(AccountService.class).get();
        AccountDetail account = accounts.list(username, new PageParams(0, 5)).items().get(0);
        AccountDetail disabled = accounts.update(account.id(),
                new AccountRequest(username, null, null, account.role(), false, account.version()));
        assertSentToLogin(adminPage(session));
        accounts.update(account.id(), new AccountRequest(username, null, null, account.role(), true, disabled.version()));
        assertSentToLogin(adminPage(session));
    }

    @Test
    void aSessionWithoutItsLoginTimeOrOlderThanItsLifetimeIsRefused() {
        String username = Accounts.create("viewer", PASSWORD);
        Map<String, String> session = Accounts.logIn(username, PASSWORD);
        Duration lifetime = ConfigProvider.getConfig().getValue("tracker.sessions.lifetime", Duration.class);

        Map<String, String> withoutLoginTime = new HashMap<>(session);
        withoutLoginTime.remove(Sessions.LOGIN_COOKIE);
        assertSentToLogin(adminPage(withoutLoginTime));

        // A login cookie as the tracker makes them, for a login longer ago than the lifetime; its own
        // expiry is still ahead, so only the tracker's check of the login time can refuse it.
        long loginTime = System.currentTimeMillis() - lifetime.toMillis() - 60_000;
        Map<String, String> old = new HashMap<>(session);
        old.put(Sessions.LOGIN_COOKIE, loginCookie(loginTime + ":" + username, Duration.ofHours(1)));
        assertSentToLogin(adminPage(old));

        Map<String, String> otherAccount = new HashMap<>(session);
        otherAccount.put(Sessions.LOGIN_COOKIE, loginCookie(System.currentTimeMillis() + ":admin", Duration.ofHours(1)));
        assertSentToLogin(adminPage(otherAccount));

        Map<String, String> fresh = new HashMap<>(session);
        fresh.put(Sessions.LOGIN_COOKIE, loginCookie(System.currentTimeMillis() + ":" + username, Duration.ofHours(1)));
        assertEquals(200, adminPage(fresh).statusCode(), "the forged cookies are made the way the tracker makes them");
    }

    @Test
    void theLoginCookieLastsTheAbsoluteLifetimeAndIsNeverRenewed() {
        String username = Accounts.create("viewer", PASSWORD);
        Response login = given().auth().none().redirects().follow(false).formParam("j_username", username)
                .formParam("j_password", PASSWORD).post("/j_security_check");
        Duration lifetime = ConfigProvider.getConfig().getValue("tracker.sessions.lifetime", Duration.class);
        assertEquals(lifetime.toSeconds(), login.getDetailedCookie(Sessions.LOGIN_COOKIE).getMaxAge());
        assertTrue(login.getDetailedCookie(Sessions.LOGIN_COOKIE).isHttpOnly());
        Response page = adminPage(login.getCookies());
        assertEquals(200, page.statusCode());
        assertEquals(null, page.getCookie(Sessions.LOGIN_COOKIE));
    }

    /** Posts the new-outlet form with these fields and cookies; answers the status. */
    private static int postOutlet(Map<String, String> cookies, Map<String, String> fields, String name) {
        return given().auth().none().cookies(cookies).redirects().follow(false).formParams(fields)
                .formParam("name", name).formParam("kind", "blog").post("/admin/outlets").statusCode();
    }

    @Test
    void aFormPostIsAcceptedOnlyWithTheFieldsOfItsOwnSession() {
        Map<String, String> analyst = Accounts.logIn(Accounts.create("analyst", PASSWORD), PASSWORD);
        Map<String, String> other = Accounts.logIn(Accounts.create("analyst", PASSWORD), PASSWORD);
        Accounts.FormPage first = Accounts.formPage(analyst, "/admin/outlets/new");
        Accounts.FormPage second = Accounts.formPage(analyst, "/admin/outlets/new");
        Accounts.FormPage othersPage = Accounts.formPage(other, "/admin/outlets/new");

        Map<String, String> invented = new HashMap<>(analyst);
        invented.put("tracker_csrf", "AAAAAAAAAAAAAAAAAAAAAA");
        assertEquals(400, postOutlet(invented, Map.of("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA"),
                Fixtures.unique("Forged")), "an invented cookie and field that agree");
        Map<String, String> othersFields = new HashMap<>(Map.of("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA"));
        othersFields.put(SessionForms.FIELD, othersPage.fields().get(SessionForms.FIELD));
        assertEquals(400, postOutlet(invented, othersFields, Fixtures.unique("Forged")),
                "another session's form value");

        Map<String, String> cookies = new HashMap<>(first.cookies());
        cookies.putAll(second.cookies());
        Map<String, String> firstFields = new HashMap<>(first.fields());
        firstFields.put("csrf-token", second.fields().get("csrf-token"));
        assertEquals(303, postOutlet(cookies, firstFields, Fixtures.unique("Genuine")),
                "a form of this session, opened before another page of it");
    }

    /** A login cookie encrypted with the test profile's key, valid for {@code validFor} from now. */
    private static String loginCookie(String value, Duration validFor) {
        String key = Sessions.cookieKey(ConfigProvider.getConfig().getValue("quarkus.http.auth.session.encryption-key",
                String.class));
        PersistentLoginManager manager = new PersistentLoginManager(key, Sessions.LOGIN_COOKIE, validFor.toMillis(),
                validFor.toMillis(), true, "STRICT", "/", -1, null);
        AtomicReference<Cookie> made = new AtomicReference<>();
        RoutingContext capture = (RoutingContext) Proxy.newProxyInstance(SessionTest.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addCookie")) {
                        made.set((Cookie) args[0]);
                    }
                    return null;
                });
        manager.save(value, capture, Sessions.LOGIN_COOKIE, null, false);
        return made.get().getValue();
    }
}
