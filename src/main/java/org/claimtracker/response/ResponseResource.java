package org.claimtracker.response;

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
import java.time.LocalDate;
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
@Path("/api/responses")
@Tag(name = "Responses", description = "Parties' stances on claims: denials, confirmations, counter-attributions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResponseResource {

    @Inject
    ResponseService service;

    @Inject
    AuditService audit;

    @Inject
    MergePatch patches;

    @GET
    @Operation(operationId = "listResponses", summary = "List responses", description = "Most recently stated first. Filters combine with AND.")
    public Page<ResponseDetail> list(
            @Parameter(description = "The response's ref, exactly") @QueryParam("ref") String ref,
            @Parameter(description = "Id of the claim responded to") @QueryParam("claimId") String claimId,
            @Parameter(description = "Id of the responding party") @QueryParam("partyId") String partyId,
            @Parameter(description = "Stance", schema = @Schema(implementation = Stance.class)) @QueryParam("stance") String stance,
            @Parameter(description = "Stated on or after, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "Stated on or before, YYYY-MM-DD") @QueryParam("to") String to,
            @BeanParam PageQuery page) {
        LocalDate fromDate = Params.optionalDate("from", from);
        LocalDate toDate = Params.optionalDate("to", to);
        Params.checkRange("from", fromDate, "to", toDate);
        return service.list(new ResponseService.ListFilter(Params.optionalText("ref", ref, 120),
                Params.optionalId("claimId", claimId),
                Params.optionalId("partyId", partyId), Params.optionalEnum("stance", stance, Stance.class),
                fromDate, toDate), page.params());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getResponse", summary = "Get a response")
    public ResponseDetail get(@PathParam("id") long id) {
        return service.get(id);
    }

    @GET
    @Path("{id}/history")
    public Page<HistoryEntry> history(@PathParam("id") long id, @BeanParam PageQuery page) {
        return audit.historyOf("response", id, page.params());
    }

    @POST
    @RolesAllowed(AccountRole.ANALYST)
    @Operation(operationId = "createResponse", summary = "Record a response",
            description = "A new stance is a new response: earlier ones stay as history. The source quote must be"
                    + " found verbatim in its article's stored text.")
    @APIResponse(responseCode = "201", description = "Recorded: the new record, its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResponseDetail.class)))
    public Response create(@Valid @NotNull ResponseRequest request, @Context UriInfo uri) {
        ResponseDetail created = service.create(request);
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Operation(operationId = "updateResponse", summary = "Correct a response", description = "For mistakes in recording; a changed stance is a new response.")
    public ResponseDetail update(@PathParam("id") long id, @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ResponseRequest request) {
        return service.update(id, Preconditions.required(ifMatch), request);
    }

    @PATCH
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchResponse", summary = "Change some fields of a response",
            description = "A JSON Merge Patch (RFC 7396): fields left out stay as they are, null clears a field, lists"
                    + " are replaced whole. The result must be a valid response, as for PUT.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = ResponseRequest.class)))
    public ResponseDetail patch(@PathParam("id") long id,
            @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
            JsonNode patch) throws JsonProcessingException {
        long version = Preconditions.required(ifMatch);
        return service.update(id, version, patches.apply(patch, () -> service.requestOf(id), ResponseRequest.class));
    }

    @DELETE
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Operation(operationId = "deleteResponse", summary = "Delete a response")
    public void delete(@PathParam("id") long id,
            @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, Preconditions.required(ifMatch));
    }
}
