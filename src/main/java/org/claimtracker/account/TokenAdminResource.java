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
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.claimtracker.web.Form;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.web.Redirects;

/**
 * API tokens in the admin pages: each account makes and revokes its own. A new token's secret is
 * shown once, on the page the form redirects to, and then forgotten.
 */
@Path("/admin/tokens")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class TokenAdminResource {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long SHOWN_FOR_NANOS = 5L * 60 * 1_000_000_000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<TokenDetail> tokens, Form form, TokenDetail made);
    }

    private record Fresh(String username, TokenDetail token, long until) {
    }

    /** Secrets of tokens just made, waiting to be shown once (at most 5 minutes). */
    private final Map<String, Fresh> fresh = new ConcurrentHashMap<>();

    @Inject
    TokenService tokens;

    @Inject
    SecurityIdentity identity;

    @Inject
    Validator validator;

    @GET
    public TemplateInstance list() {
        return page(Form.empty().with("days", 30), null);
    }

    @GET
    @Path("made/{key}")
    public Response made(@PathParam("key") String key) {
        Fresh made = fresh.remove(key);
        if (made == null || made.until() < System.nanoTime() || !made.username().equals(me())) {
            return Redirects.to("/admin/tokens", null);
        }
        return Response.ok(page(Form.empty().with("days", 30), made.token())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> params) {
        Form form = Form.of(params);
        TokenRequest request = form.read(TokenRequest.class);
        if (!form.hasErrors() && form.validate(validator, request)) {
            TokenDetail made = tokens.issue(me(), request);
            fresh.values().removeIf(f -> f.until() < System.nanoTime());
            String key = HexFormat.of().formatHex(RANDOM.generateSeed(16));
            fresh.put(key, new Fresh(me(), made, System.nanoTime() + SHOWN_FOR_NANOS));
            return Redirects.to("/admin/tokens/made/" + key, null);
        }
        return Response.status(422).entity(page(form, null)).build();
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
