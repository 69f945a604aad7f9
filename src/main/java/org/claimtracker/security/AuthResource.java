package org.claimtracker.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.claimtracker.core.Params;
import org.claimtracker.account.Sessions;

/** The login page of the admin pages (the form posts to Quarkus' j_security_check) and logging out. */
@Path("/")
public class AuthResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean loggedOut, long throttledSeconds);
    }

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @Inject
    Sessions sessions;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error, @QueryParam("loggedOut") String loggedOut,
            @QueryParam("throttled") String throttled) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/admin")).build();
        }
        long wait = throttled == null ? 0 : Math.max(1, Params.intInRange("throttled", throttled, 1, 1, 86_400));
        return Response.ok(Templates.login(error != null, loggedOut != null, throttled == null ? 0 : wait)).build();
    }

    @GET
    @Path("")
    public Response home() {
        return Response.seeOther(URI.create("/admin")).build();
    }

    /**
     * Ends every session of the account, not only this browser's: the session cookie cannot be taken
     * back, so the server refuses all that logged in before now (see {@link Sessions}).
     */
    @POST
    @Path("logout")
    public Response logout() {
        String username = currentUser();
        if (username != null) {
            sessions.endAll(username);
        }
        NewCookie expired = new NewCookie.Builder(sessionCookie).path("/").maxAge(0).value("").httpOnly(true).build();
        NewCookie login = new NewCookie.Builder(Sessions.LOGIN_COOKIE).path("/").maxAge(0).value("").httpOnly(true).build();
        return Response.seeOther(URI.create("/login?loggedOut=true")).cookie(expired, login).build();
    }

    /** Who is logged in; null when nobody is, or the session is no longer valid. */
    private String currentUser() {
        try {
            return identity.isAnonymous() ? null : identity.getPrincipal().getName();
        } catch (AuthenticationFailedException e) {
            return null;
        }
    }
}
