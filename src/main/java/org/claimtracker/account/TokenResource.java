package org.claimtracker.account;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
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

    @Inject
    RoutingContext request;

    @POST
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "Log in for an API token",
            description = "Send an account's username and password; the answer holds a bearer token (shown this once) to"
                    + " send as 'Authorization: Bearer <token>'. Tokens expire (30 days unless asked otherwise, at most"
                    + " 365). Repeated failures are throttled (429).")
    public Response create(@Valid @NotNull TokenRequest body) {
        TokenView made = tokens.create(body, AccountIdentityProvider.addressOf(request));
        return Response.status(201).entity(made).build();
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
