package org.claimtracker.outlet;

import org.claimtracker.audit.HistoryEntry;
import org.claimtracker.api.PageQuery;
import jakarta.ws.rs.BeanParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimtracker.account.AccountRole;
import org.claimtracker.audit.AuditService;
import org.claimtracker.api.Created;
import org.claimtracker.core.Page;
import org.claimtracker.core.Params;
import org.claimtracker.api.Preconditions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.PATCH;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.claimtracker.api.MergePatch;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;

@RolesAllowed(AccountRole.VIEWER)
@Path("/api/outlets")
@Tag(name = "Outlets", description = "Publishers of the articles claims are read in")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutletResource {

    @Inject
    OutletService service;

    @Inject
    AuditService audit;

    @Inject
    MergePatch patches;

    @GET
    @Operation(operationId = "listOutlets", summary = "List outlets", description = "Sorted by name. Filters combine with AND.")
    public Page<OutletDetail> list(
            @Parameter(description = "Case-insensitive text in the name or domain") @QueryParam("q") String q,
            @Parameter(description = "Outlet kind", schema = @Schema(implementation = OutletKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "ISO 3166-1 alpha-2 country code") @QueryParam("country") String country,
            @BeanParam PageQuery page) {
        return service.list(Params.optionalText("q", q, 200), Params.optionalEnum("kind", kind, OutletKind.class),
                Params.optionalText("country", country, 2), page.params());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOutlet", summary = "Get an outlet")
    public OutletDetail get(@PathParam("id") long id) {
        return service.get(id);
    }

    @GET
    @Path("{id}/history")
    public Page<HistoryEntry> history(@PathParam("id") long id, @BeanParam PageQuery page) {
        return audit.historyOf("outlet", id, page.params());
    }

    @POST
    @RolesAllowed(AccountRole.ANALYST)
    @Operation(operationId = "createOutlet", summary = "Record an outlet")
    @APIResponse(responseCode = "201", description = "Recorded: the new record, its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutletDetail.class)))
    public Response create(@Valid @NotNull OutletRequest request, @Context UriInfo uri) {
        OutletDetail created = service.create(request);
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Operation(operationId = "updateOutlet", summary = "Correct an outlet", description = "Send the version you read to refuse overwriting a newer change.")
    public OutletDetail update(@PathParam("id") long id, @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull OutletRequest request) {
        return service.update(id, Preconditions.required(ifMatch), request);
    }

    @PATCH
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchOutlet", summary = "Change some fields of an outlet",
            description = "A JSON Merge Patch (RFC 7396): fields left out stay as they are, null clears a field, lists"
                    + " are replaced whole. The result must be a valid outlet, as for PUT.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = OutletRequest.class)))
    public OutletDetail patch(@PathParam("id") long id,
            @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
            JsonNode patch) throws JsonProcessingException {
        long version = Preconditions.required(ifMatch);
        return service.update(id, version, patches.apply(patch, () -> service.requestOf(id), OutletRequest.class));
    }

    @DELETE
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Operation(operationId = "deleteOutlet", summary = "Delete an outlet", description = "Refused with 409 while articles are recorded from it.")
    public void delete(@PathParam("id") long id,
            @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, Preconditions.required(ifMatch));
    }
}
