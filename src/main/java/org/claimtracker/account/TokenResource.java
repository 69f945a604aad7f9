package org.claimtracker.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimtracker.common.Page;
import org.claimtracker.common.PageParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/tokens")
@Tag(name = "Tokens", description = "Bearer tokens for REST clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    TokenService tokens;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(AccountRole.VIEWER)
    @Operation(summary = "Make another API token for your account",
            description = "For rotating a token before it expires. The answer holds the new bearer token, shown this once."
                    + " The first token of an account is made in the admin pages (API tokens) or with ./tracker token.")
    public Response create(@Valid @NotNull TokenRequest body) {
        TokenView made = tokens.issue(identity.getPrincipal().getName(), body);
        // The answer holds a secret: no cache, shared or private, may keep it.
        return Response.status(201).header("Cache-Control", "no-store").header("Pragma", "no-cache").entity(made).build();
    }

    @GET
    @RolesAllowed(AccountRole.VIEWER)
    @Operation(summary = "Your API tokens", description = "Without their secrets.")
    public Page<TokenView> list(@Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 200 (default 20)") @QueryParam("size") String size) {
        return tokens.listOf(identity.getPrincipal().getName(), PageParams.of(page, size));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(AccountRole.VIEWER)
    @Operation(summary = "Revoke one of your API tokens")
    public void revoke(@PathParam("id") long id) {
        tokens.revoke(identity.getPrincipal().getName(), id);
    }
}
