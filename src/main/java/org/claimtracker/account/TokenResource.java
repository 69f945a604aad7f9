package org.claimtracker.account;

import org.claimtracker.common.PageQuery;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.claimtracker.common.Created;

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
    @Operation(operationId = "createToken", summary = "Make another API token for your account",
            description = "For rotating a token before it expires. The answer holds the new bearer token, shown this once."
                    + " The first token of an account is made in the admin pages (API tokens) or with ./tracker token.")
    @APIResponse(responseCode = "201", description = "Made: the token, with its secret shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.class)))
    public Response create(@Valid @NotNull TokenRequest body, @Context UriInfo uri) {
        TokenView made = tokens.issue(identity.getPrincipal().getName(), body);
        return Created.at(uri, made.id(), made);
    }

    @GET
    @RolesAllowed(AccountRole.VIEWER)
    @Operation(operationId = "listTokens", summary = "Your API tokens", description = "Without their secrets.")
    public Page<TokenView> list(@BeanParam PageQuery page) {
        return tokens.listOf(identity.getPrincipal().getName(), page.params());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(AccountRole.VIEWER)
    @Operation(operationId = "deleteToken", summary = "Revoke one of your API tokens")
    public void revoke(@PathParam("id") long id) {
        tokens.revoke(identity.getPrincipal().getName(), id);
    }
}
