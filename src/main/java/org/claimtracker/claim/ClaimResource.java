package org.claimtracker.claim;

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
@Path("/api/claims")
@Tag(name = "Claims", description = "Who alleges what against whom, with verbatim sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClaimResource {

    @Inject
    ClaimService service;

    @Inject
    AuditService audit;

    @Inject
    MergePatch patches;

    @GET
    @Operation(operationId = "listClaims", summary = "List claims", description = "Most recently stated first. Filters combine with AND.")
    public Page<ClaimSummary> list(
            @Parameter(description = "The claim's ref, exactly") @QueryParam("ref") String ref,
            @Parameter(description = "Id of the party that made the claim") @QueryParam("claimantId") String claimantId,
            @Parameter(description = "Id of the party the claim accuses") @QueryParam("addressedPartyId")
            String addressedPartyId,
            @Parameter(description = "Incident id") @QueryParam("incidentId") String incidentId,
            @Parameter(description = "Claim kind", schema = @Schema(implementation = ClaimKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "The analyst's grading", schema = @Schema(implementation = Grading.class)) @QueryParam("grading") String grading,
            @Parameter(description = "Stated on or after, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "Stated on or before, YYYY-MM-DD") @QueryParam("to") String to,
            @Parameter(description = "Case-insensitive text in the proposition") @QueryParam("q") String q,
            @BeanParam PageQuery page) {
        LocalDate fromDate = Params.optionalDate("from", from);
        LocalDate toDate = Params.optionalDate("to", to);
        Params.checkRange("from", fromDate, "to", toDate);
        return service.list(new ClaimService.ListFilter(Params.optionalText("ref", ref, 120),
                Params.optionalId("claimantId", claimantId),
                Params.optionalId("addressedPartyId", addressedPartyId), Params.optionalId("incidentId", incidentId),
                Params.optionalEnum("kind", kind, ClaimKind.class), Params.optionalEnum("grading", grading, Grading.class),
                fromDate, toDate, Params.optionalText("q", q, 200)), page.params());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getClaim", summary = "Get a claim with its sources, response history and positions",
            description = "Responses in date order; each involved party's current position, or its position as of asOf.")
    public ClaimDetail get(@PathParam("id") long id,
            @Parameter(description = "Answer as of this date (YYYY-MM-DD): later responses are left out")
            @QueryParam("asOf") String asOf) {
        return service.get(id, Params.optionalDate("asOf", asOf));
    }

    @GET
    @Path("{id}/history")
    public Page<HistoryEntry> history(@PathParam("id") long id, @BeanParam PageQuery page) {
        return audit.historyOf("claim", id, page.params());
    }

    @POST
    @RolesAllowed(AccountRole.ANALYST)
    @Operation(operationId = "createClaim", summary = "Record a claim",
            description = "Every source quote must be found verbatim in its article's stored text.")
    @APIResponse(responseCode = "201", description = "Recorded: the new record, its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimDetail.class)))
    public Response create(@Valid @NotNull ClaimRequest request, @Context UriInfo uri) {
        ClaimDetail created = service.create(request);
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Operation(operationId = "updateClaim", summary = "Correct a claim", description = "The sources sent replace the stored ones.")
    public ClaimDetail update(@PathParam("id") long id, @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ClaimRequest request) {
        return service.update(id, Preconditions.required(ifMatch), request);
    }

    @PATCH
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchClaim", summary = "Change some fields of a claim",
            description = "A JSON Merge Patch (RFC 7396): fields left out stay as they are, null clears a field, lists"
                    + " are replaced whole. The result must be a valid claim, as for PUT.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = ClaimRequest.class)))
    public ClaimDetail patch(@PathParam("id") long id,
            @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
            JsonNode patch) throws JsonProcessingException {
        long version = Preconditions.required(ifMatch);
        return service.update(id, version, patches.apply(patch, () -> service.requestOf(id), ClaimRequest.class));
    }

    @DELETE
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Operation(operationId = "deleteClaim", summary = "Delete a claim",
            description = "Its sources go with it. Refused with 409 while responses answer it or name it as counter-claim.")
    public void delete(@PathParam("id") long id,
            @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, Preconditions.required(ifMatch));
    }
}
