package org.claimtracker.claim;

import org.claimtracker.record.RecordResource;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.claimtracker.api.PageQuery;
import org.claimtracker.api.DateRange;
import org.claimtracker.api.OpenApiFilter;
import org.claimtracker.api.Preconditions;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
@Path("/api/claims")
@Tag(name = "Claims", description = "Who alleges what against whom, with verbatim sources")
@Extension(name = "x-record-noun", value = "claim")
@Extension(name = "x-record-create", value = "Every source quote must be found verbatim in its article's stored text.")
@Extension(name = "x-record-update", value = "The sources sent replace the stored ones.")
@Extension(name = "x-record-delete", value = "Its sources go with it. Refused with 409 while responses answer it or"
        + " name it as counter-claim.")
public class ClaimResource extends RecordResource<ClaimDetail, ClaimRequest, ClaimService> {

    /** The content type of the answers Jackson writes, which the one of GET keeps. */
    private static final MediaType UTF8_JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    ClaimResource(ClaimService service) {
        super("claim", ClaimRequest.class, service);
    }

    @GET
    @Extension(name = OpenApiFilter.DATED, value = "Stated")
    @Operation(operationId = "listClaims", summary = "List claims", description = "Most recently stated first. Filters combine with AND.")
    public Page<ClaimSummary> list(
            @Parameter(description = "The claim's ref, exactly") @QueryParam("ref") String ref,
            @Parameter(description = "Id of the party that made the claim") @QueryParam("claimantId") String claimantId,
            @Parameter(description = "Id of the party the claim accuses") @QueryParam("addressedPartyId")
            String addressedPartyId,
            @Parameter(description = "Incident id") @QueryParam("incidentId") String incidentId,
            @Parameter(description = "Claim kind", schema = @Schema(implementation = ClaimKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "The analyst's grading", schema = @Schema(implementation = Grading.class)) @QueryParam("grading") String grading,
            @Parameter(description = "Words of the proposition or grading note, read as GET /api/search reads q"
                    + " (stemmed, \"phrases\", -exclusions, or)") @QueryParam("q") String q,
            @BeanParam DateRange dates, @BeanParam PageQuery page) {
        return service.list(new ClaimService.ListFilter(Params.optionalText("ref", ref, 120),
                Params.optionalId("claimantId", claimantId),
                Params.optionalId("addressedPartyId", addressedPartyId), Params.optionalId("incidentId", incidentId),
                Params.optionalEnum("kind", kind, ClaimKind.class), Params.optionalEnum("grading", grading, Grading.class),
                dates.from(), dates.to(), null, Params.optionalText("q", q, 200)), page.params());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getClaim", summary = "Get a claim with its sources, response history and positions",
            description = "Responses in date order; each involved party's current position, or its position as of asOf.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimDetail.class)))
    public Response get(@PathParam("id") long id,
            @Parameter(description = "Answer as of this date (YYYY-MM-DD): later responses are left out")
            @QueryParam("asOf") String asOf) {
        // JSON written by PostgreSQL in one statement, passed on as it comes: what Jackson would write
        // for service.get(id, asOf), the ClaimDetail that the writes and the admin pages still use.
        ClaimJson.Written claim = service.json(id, Params.optionalDate("asOf", asOf));
        return Response.ok(claim.json(), UTF8_JSON).tag(Preconditions.tagOf(claim.version())).build();
    }
}
