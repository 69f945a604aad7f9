package org.claimtracker.report;

import static org.claimtracker.api.DataTypes.CSV;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.claimtracker.account.AccountRole;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.claimtracker.api.OpenApiFilter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(AccountRole.VIEWER)
@Path("/api/reports")
@Tag(name = "Reports", description = "The SQL reporting views, exported as JSON or CSV")
public class ReportResource {


    @Inject
    ReportService service;

    @Inject
    ReportDownloads downloads;

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listReports", summary = "The reports that can be exported",
            description = "Each report is a view in schema reporting, listed with its columns (name, SQL type, meaning),"
                    + " what partyId matches and which date column from and to bound.")
    public List<ReportInfo> list() {
        return service.list();
    }

    @GET
    @Path("{name}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Extension(name = OpenApiFilter.EXPORT, value = "report")
    @Operation(operationId = "exportReport", summary = "Export a report's rows as JSON or CSV",
            description = "JSON is an array of objects, one per row, keyed by the view's column names; CSV (RFC 4180)"
                    + " has a header row, and a text cell that a spreadsheet would take for a formula (beginning with"
                    + " =, +, -, @, tab or carriage return) starts with an apostrophe. format wins over the Accept header;"
                    + " without either, JSON. The whole report is read first and then sent with its Content-Length, so a"
                    + " report of any size can be exported. An account may have a few exports in progress at once"
                    + " (TRACKER_EXPORTS_PER_ACCOUNT, 2 by default; 429 beyond), the tracker a few more in all"
                    + " (TRACKER_EXPORTS_MAX, 8; 503 beyond); both answers say in Retry-After when to try again.")
    @APIResponse(responseCode = "200", description = "The report's rows, in the report's order",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                        implementation = Map.class)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No report with this name",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response export(
            @Parameter(description = "The report's name, as GET /api/reports lists it (e.g. claim_positions)")
            @PathParam("name") String name,
            @Parameter(description = "json (default) or csv", schema = @Schema(implementation = ReportFormat.class))
            @QueryParam("format") String format,
            @Parameter(description = "Only rows of this party (what it matches depends on the report)")
            @QueryParam("partyId") String partyId,
            @Parameter(description = "Only rows whose date (the report's date column) is on or after this date")
            @QueryParam("from") String from,
            @Parameter(description = "Only rows whose date is on or before this date")
            @QueryParam("to") String to,
            @Parameter(description = "claim_positions only: the positions as they stood on this date")
            @QueryParam("asOf") String asOf,
            @Context HttpHeaders headers) throws IOException {
        ReportDefinition report = ReportCatalog.find(name).orElseThrow(() -> new ApiProblem(404, "Not found", null,
                "No report named '" + shorten(name) + "'; GET /api/reports lists them", null));
        ReportFormat chosen = Params.optionalEnum("format", format, ReportFormat.class);
        ReportFormat written = chosen != null ? chosen : fromAccept(headers.getAcceptableMediaTypes());
        ReportQuery query = ReportQuery.of(report, Params.optionalId("partyId", partyId),
                Params.optionalDate("from", from), Params.optionalDate("to", to), Params.optionalDate("asOf", asOf));
        return downloads.send(report, query, written, identity.getPrincipal().getName(), false);
    }

    /** The first acceptable type, in the client's order of preference, that is CSV or JSON; JSON otherwise. */
    static ReportFormat fromAccept(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (!type.isWildcardType() && type.isCompatible(ReportFormat.TEXT_CSV)) {
                return ReportFormat.csv;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return ReportFormat.json;
            }
        }
        return ReportFormat.json;
    }

    private static String shorten(String raw) {
        return raw.length() > 60 ? raw.substring(0, 60) + "..." : raw;
    }
}
