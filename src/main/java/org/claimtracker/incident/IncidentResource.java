package org.claimtracker.incident;

import org.claimtracker.record.RecordResource;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.claimtracker.api.PageQuery;
import jakarta.ws.rs.BeanParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
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
}
