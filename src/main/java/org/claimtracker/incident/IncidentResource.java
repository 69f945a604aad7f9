package org.claimtracker.incident;

import org.claimtracker.record.RecordResource;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.claimtracker.api.PageQuery;
import org.claimtracker.api.DateRange;
import org.claimtracker.api.OpenApiFilter;
import jakarta.ws.rs.BeanParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.claimtracker.account.AccountRole;
import org.claimtracker.core.Page;
import org.claimtracker.core.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(AccountRole.VIEWER)
@Path("/api/incidents")
@Tag(name = "Incidents", description = "Alleged events that claims are about")
@Extension(name = "x-record-noun", value = "incident")
@Extension(name = "x-record-delete", value = "Refused with 409 while claims are about it.")
public class IncidentResource extends RecordResource<IncidentSummary, IncidentRequest, IncidentService> {

    IncidentResource(IncidentService service) {
        super("incident", IncidentRequest.class, service);
    }

    @GET
    @Extension(name = OpenApiFilter.DATED, value = "Occurred")
    @Operation(operationId = "listIncidents", summary = "List incidents", description = "Most recent first; undated incidents last.")
    public Page<IncidentSummary> list(
            @Parameter(description = "The incident's ref, exactly") @QueryParam("ref") String ref,
            @Parameter(description = "Case-insensitive text in the title or place") @QueryParam("q") String q,
            @Parameter(description = "Date precision", schema = @Schema(implementation = DatePrecision.class)) @QueryParam("precision") String precision,
            @BeanParam DateRange dates, @BeanParam PageQuery page) {
        return service.list(new IncidentService.ListFilter(Params.optionalText("ref", ref, 120),
                Params.optionalText("q", q, 200), dates.from(), dates.to(),
                Params.optionalEnum("precision", precision, DatePrecision.class)), page.params());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getIncident", summary = "Get an incident with its story",
            description = "Its claims, and one timeline of every claim and response about it in date order, with sources.")
    public IncidentDetail get(@PathParam("id") long id) {
        return service.get(id);
    }
}
