package org.claimtracker.account;

import org.claimtracker.api.PageQuery;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimtracker.api.Created;
import org.claimtracker.core.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "createToken", summary = "Make another API token for your account",
            description = "For rotating a token before it expires. The answer holds the new bearer token, shown this once"
                    + " (and marked for no cache to keep). The new token expires no later than the token the request is"
                    + " made with (its parent, parentId) and is revoked with it. An account may have at most"
                    + " TRACKER_TOKENS_PER_ACCOUNT live tokens (20 by default). The first token of an account is made in"
                    + " the admin pages (API tokens) or with ./tracker token.")
    @APIResponse(responseCode = "201", description = "Made: the token, with its secret shown this once",
            headers = @Header(name = "Cache-Control", description = "no-store: the answer holds a secret",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "no-store")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenDetail.class)))
    @APIResponse(responseCode = "409", description = "The account already has as many live tokens as it may",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response create(@Valid @NotNull TokenRequest body, @Context UriInfo uri) {
        Long parent = identity.getAttribute(TokenService.TOKEN_ID);
        TokenDetail made = tokens.issue(identity.getPrincipal().getName(), body, parent);
        // The answer holds a secret: no cache, shared or private, may keep it.
        return Response.fromResponse(Created.at(uri, made.id(), made)).header("Cache-Control", "no-store")
                .header("Pragma", "no-cache").build();
    }

    @GET
    @RolesAllowed(AccountRole.VIEWER)
    @Operation(operationId = "listTokens", summary = "Your API tokens", description = "Without their secrets.")
    public Page<TokenDetail> list(@BeanParam PageQuery page) {
        return tokens.listOf(identity.getPrincipal().getName(), page.params());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(AccountRole.VIEWER)
    @Operation(operationId = "deleteToken", summary = "Revoke one of your API tokens",
            description = "And every token made with it.")
    public void revoke(@PathParam("id") long id) {
        tokens.revoke(identity.getPrincipal().getName(), id);
    }

    @DELETE
    @RolesAllowed(AccountRole.VIEWER)
    @Operation(operationId = "deleteAllTokens", summary = "Revoke all your API tokens",
            description = "Every token of your account, the one this request is made with included: for when a token"
                    + " may have leaked. Make a new first token in the admin pages or with ./tracker token.")
    @APIResponse(responseCode = "204", description = "Every token of the account is revoked")
    public void revokeAll() {
        tokens.revokeAll(identity.getPrincipal().getName());
    }
}
