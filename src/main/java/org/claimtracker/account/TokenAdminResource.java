package org.claimtracker.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import org.claimtracker.web.Form;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.web.Redirects;

/**
 * API tokens in the admin pages: each account makes and revokes its own. A new token's secret is
 * shown once, on the page the form redirects to, and then forgotten: it travels to that page in a
 * cookie sealed with a key derived from the session key (so any instance of the tracker can show it,
 * and only for 5 minutes), which the page clears.
 */
@Path("/admin/tokens")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class TokenAdminResource {

    static final String NEW_TOKEN_COOKIE = "tracker_new_token";
    private static final String MADE = "/admin/tokens/made";
    private static final Duration SHOWN_FOR = Duration.ofMinutes(5);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<TokenDetail> tokens, Form form, TokenDetail made);
    }

    @Inject
    TokenService tokens;

    @Inject
    SecurityIdentity identity;

    @Inject
    Validator validator;

    @Inject
    Sessions sessions;

    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance list() {
        return page(Form.empty().with("days", 30), null);
    }

    @GET
    @Path("made")
    public Response made(@CookieParam(NEW_TOKEN_COOKIE) String sealed, @Context HttpServerRequest request) {
        TokenDetail made = read(sessions.open(sealed));
        NewCookie cleared = cookie("", 0, request);
        if (made == null || !made.username().equals(me())) {
            return Response.fromResponse(Redirects.to("/admin/tokens", null)).cookie(cleared).build();
        }
        return Response.ok(page(Form.empty().with("days", 30), made)).cookie(cleared).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> params, @Context HttpServerRequest httpRequest) {
        Form form = Form.of(params);
        TokenRequest request = form.read(TokenRequest.class);
        if (!form.hasErrors() && form.validate(validator, request)) {
            TokenDetail made = tokens.issue(me(), request);
            String sealed = sessions.seal(write(made), SHOWN_FOR);
            return Response.fromResponse(Redirects.to(MADE, null))
                    .cookie(cookie(sealed, (int) SHOWN_FOR.toSeconds(), httpRequest)).build();
        }
        return Response.status(422).entity(page(form, null)).build();
    }

    private static NewCookie cookie(String value, int maxAge, HttpServerRequest request) {
        return new NewCookie.Builder(NEW_TOKEN_COOKIE).value(value).path(MADE).maxAge(maxAge).httpOnly(true)
                .secure(request != null && request.isSSL()).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private String write(TokenDetail made) {
        try {
            return json.writeValueAsString(made);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a token", e);
        }
    }

    private TokenDetail read(String opened) {
        if (opened == null) {
            return null;
        }
        try {
            return json.readValue(opened, TokenDetail.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(me(), id);
        return Redirects.to("/admin/tokens", "updated");
    }

    @POST
    @Path("revoke-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeAll() {
        tokens.revokeAll(me());
        return Redirects.to("/admin/tokens", "updated");
    }

    private TemplateInstance page(Form form, TokenDetail made) {
        return Templates.list(tokens.listOf(me(), new PageParams(0, 100)), form, made);
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
