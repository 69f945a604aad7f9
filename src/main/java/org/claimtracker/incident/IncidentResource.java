package org.claimtracker.incident;

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
@Path("/api/incidents")
@Tag(name = "Incidents", description = "Alleged events that claims are about")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentResource {

    @Inject
    IncidentService service;

    @Inject
    AuditService audit;

    @Inject
    MergePatch patches;

    @GET
    @Operation(operationId = "listIncidents", summary = "List incidents", description = "Most recent first; undated incidents last.")
    public Page<IncidentSummary> list(
            @Parameter(description = "The incident's ref, exactly") @QueryParam("ref") String ref,
            @Parameter(description = "Case-insensitive text in the title or place") @QueryParam("q") String q,
            @Parameter(description = "Occurred on or after, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "Occurred on or before, YYYY-MM-DD") @QueryParam("to") String to,
            @Parameter(description = "Date precision", schema = @Schema(implementation = DatePrecision.class)) @QueryParam("precision") String precision,
            @BeanParam PageQuery page) {
        LocalDate fromDate = Params.optionalDate("from", from);
        LocalDate toDate = Params.optionalDate("to", to);
        Params.checkRange("from", fromDate, "to", toDate);
        return service.list(new IncidentService.ListFilter(Params.optionalText("ref", ref, 120),
                Params.optionalText("q", q, 200), fromDate, toDate,
                Params.optionalEnum("precision", precision, DatePrecision.class)), page.params());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getIncident", summary = "Get an incident with its story",
            description = "Its claims, and one timeline of every claim and response about it in date order, with sources.")
    public IncidentDetail get(@PathParam("id") long id) {
        return service.get(id);
    }

    @GET
    @Path("{id}/history")
    public Page<HistoryEntry> history(@PathParam("id") long id, @BeanParam PageQuery page) {
        return audit.historyOf("incident", id, page.params());
    }

    @POST
    @RolesAllowed(AccountRole.ANALYST)
    @Operation(operationId = "createIncident", summary = "Record an incident")
    @APIResponse(responseCode = "201", description = "Recorded: the new record, its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentSummary.class)))
    public Response create(@Valid @NotNull IncidentRequest request, @Context UriInfo uri) {
        IncidentSummary created = service.create(request);
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Operation(operationId = "updateIncident", summary = "Correct an incident")
    public IncidentSummary update(@PathParam("id") long id, @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull IncidentRequest request) {
        return service.update(id, Preconditions.required(ifMatch), request);
    }

    @PATCH
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchIncident", summary = "Change some fields of an incident",
            description = "A JSON Merge Patch (RFC 7396): fields left out stay as they are, null clears a field, lists"
                    + " are replaced whole. The result must be a valid incident, as for PUT.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = IncidentRequest.class)))
    public IncidentSummary patch(@PathParam("id") long id,
            @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
            JsonNode patch) throws JsonProcessingException {
        long version = Preconditions.required(ifMatch);
        return service.update(id, version, patches.apply(patch, () -> service.requestOf(id), IncidentRequest.class));
    }

    @DELETE
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Operation(operationId = "deleteIncident", summary = "Delete an incident", description = "Refused with 409 while claims are about it.")
    public void delete(@PathParam("id") long id,
            @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, Preconditions.required(ifMatch));
    }
}
