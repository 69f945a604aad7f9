package org.claimtracker.export;

import static org.claimtracker.api.DataTypes.JSON_LINES;
import static org.claimtracker.api.DataTypes.CSV;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.claimtracker.account.AccountRole;
import org.claimtracker.core.Params;
import org.claimtracker.report.ReportCatalog;
import org.claimtracker.report.ReportDefinition;
import org.claimtracker.report.ReportDownloads;
import org.claimtracker.report.ReportFormat;
import org.claimtracker.report.ReportQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.claimtracker.api.OpenApiFilter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tracker's data in other projects' formats: incidents as event data (CSV, the reporting view
 * {@code events}) and graded claims as schema.org ClaimReview (JSON Lines). Both go the way of every
 * export (ReportDownloads): an export slot of the account, a temporary file written through a cursor
 * of the export pool, then the file with its length.
 */
@RolesAllowed(AccountRole.VIEWER)
@Path("/api/exports")
@Tag(name = "Exports", description = "Incidents as event data (CSV) and graded claims as schema.org ClaimReview (JSON Lines)")
public class ExportResource {

    private static final String EVENTS = "events";

    @Inject
    ReportDownloads downloads;

    @Inject
    SecurityIdentity identity;

    @Inject
    ClaimReviewService reviews;

    @GET
    @Path("events.csv")
    @Produces(CSV)
    @Extension(name = OpenApiFilter.EXPORT, value = "export")
    @Operation(operationId = "exportEvents", summary = "Incidents as event data: one CSV row per claim and accused party",
            description = "The reporting view events as CSV (RFC 4180, header row, UTF-8, CRLF): each claim about an"
                    + " incident with the incident's date and date precision, place and coordinates, actor 1 (the"
                    + " claimant), actor 2 (the accused party) and its current position, the claim's kind and casualty"
                    + " range, and its sources counted as original reports (syndicated copies count for the outlet they"
                    + " were republished from). db/reports/README.md documents every column. A text cell that a"
                    + " spreadsheet would take for a formula (beginning with =, +, -, @, tab or carriage return) starts"
                    + " with an apostrophe. Exports in progress are limited per account (429) and in all (503).")
    @APIResponse(responseCode = "200", description = "The events, by event date (unknown dates last), incident and claim",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response events(
            @Parameter(description = "Only events in which this party is actor 1 (claimant) or actor 2 (accused)")
            @QueryParam("partyId") String partyId,
            @Parameter(description = "Only events whose date (event_date) is on or after this date")
            @QueryParam("from") String from,
            @Parameter(description = "Only events whose date is on or before this date")
            @QueryParam("to") String to) throws IOException {
        ReportDefinition events = ReportCatalog.find(EVENTS).orElseThrow();
        ReportQuery query = ReportQuery.of(events, Params.optionalId("partyId", partyId), Params.optionalDate("from", from),
                Params.optionalDate("to", to), null);
        return downloads.send(events, query, ReportFormat.csv, identity.getPrincipal().getName(), false);
    }

    @GET
    @Path("claimreview.jsonl")
    @Produces(JSON_LINES)
    @Extension(name = OpenApiFilter.EXPORT, value = "export")
    @Operation(operationId = "exportClaimReviews", summary = "Every graded claim as a schema.org ClaimReview (JSON Lines)",
            description = "One JSON-LD object a line (\"@context\": \"https://schema.org\"), one line per claim whose"
                    + " grading is not unassessed, in claim id order: claimReviewed (the proposition), reviewRating (the"
                    + " grading as ratingValue 1 to 5 and alternateName: confirmed 5, fair 4, weak 3, contested 2,"
                    + " discounted 1), url (the claim's page under TRACKER_PUBLIC_URL), author (TRACKER_REVIEW_AUTHOR),"
                    + " datePublished (the claim's last change), reviewBody (the grading note, when there is one) and"
                    + " itemReviewed, a Claim with its author (the claimant), datePublished (when stated) and appearance"
                    + " (its source articles). <, > and & in texts are written as \\u003c, \\u003e and \\u0026."
                    + " The export is read through a cursor into a temporary file and then sent with its length;"
                    + " exports in progress are limited per account (429) and in all (503).")
    @APIResponse(responseCode = "200", description = "The reviews, one JSON object a line, each line ending in a line feed",
            content = @Content(mediaType = JSON_LINES, schema = @Schema(type = SchemaType.STRING)))
    public Response claimReviews() throws IOException {
        return downloads.send("claimreview", "claimreview.jsonl", MediaType.valueOf(JSON_LINES + ";charset=UTF-8"),
                reviews::spool, identity.getPrincipal().getName(), false);
    }
}
