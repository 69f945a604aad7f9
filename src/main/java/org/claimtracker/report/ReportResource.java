package org.claimtracker.report;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.claimtracker.account.AccountRole;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Params;
import org.claimtracker.core.Problem;
import org.claimtracker.core.ProblemTypes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

@RolesAllowed(AccountRole.VIEWER)
@Path("/api/reports")
@Tag(name = "Reports", description = "The SQL reporting views, exported as JSON or CSV")
public class ReportResource {

    private static final String CSV = "text/csv";
    private static final String RETRY_AFTER_SECONDS = "10";
    private static final Logger LOG = Logger.getLogger(ReportResource.class);

    @Inject
    ReportService service;

    @Inject
    ExportLimits limits;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

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
    @APIResponse(responseCode = "429", description = "This account already has as many exports in progress as it may"
            + " (or has made too many requests); try again after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "503", description = "The tracker has as many exports in progress as it may, the"
            + " database is unavailable, or the report took longer than TRACKER_EXPORT_TIMEOUT to read; try again after"
            + " Retry-After seconds (or narrow the report)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                    schema = @Schema(type = SchemaType.INTEGER)),
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
        ExportLimits.Slot slot;
        try {
            slot = limits.take(identity.getPrincipal().getName());
        } catch (ExportLimits.Refused refused) {
            return busy(refused.reason());
        }
        // A client that leaves before the last byte is no failure of the tracker's.
        routing.request().connection().exceptionHandler(e -> LOG.debugf("An export's client went away: %s", e));
        java.nio.file.Path[] spooled = new java.nio.file.Path[1];
        // Runs when the last byte has left or the client has gone, whichever comes first.
        routing.addEndHandler(done -> {
            slot.close();
            deleteQuietly(spooled[0]);
        });
        spooled[0] = service.spool(query, written);
        java.nio.file.Path file = spooled[0];
        StreamingOutput body = out -> send(file, out, report.name());
        Response.ResponseBuilder response = Response.ok(body, written.mediaType())
                .header("Content-Length", Long.toString(Files.size(file)));
        if (written == ReportFormat.csv) {
            response.header("Content-Disposition", "attachment; filename=\"" + report.name() + ".csv\"");
        }
        return response.build();
    }

    private Response busy(ExportLimits.Refusal reason) {
        Problem problem = reason == ExportLimits.Refusal.ACCOUNT
                ? new Problem(ProblemTypes.forStatus(429), "Too many exports", 429, "This account already has "
                        + limits.perAccount() + " exports in progress; try again when one of them has finished", null, null)
                : new Problem(ProblemTypes.forStatus(503), "Too many exports", 503,
                        "The tracker has as many exports in progress as it may; try again shortly", null, null);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(problem).build();
    }

    /**
     * Copies the spooled report to the client. A client that goes away before the end is not a
     * failure of the tracker's: it is noted at debug level, where Vert.x's own file sending would log
     * an error with a stack trace.
     */
    private static void send(java.nio.file.Path file, OutputStream out, String report) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long sent = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                try {
                    out.write(buffer, 0, read);
                } catch (IOException gone) {
                    LOG.debugf("The client of export %s went away after %d bytes: %s", report, sent, gone.getMessage());
                    return;
                }
                sent += read;
            }
        }
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Cannot delete the export file %s: %s", file, e.getMessage());
        }
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
