package org.claimtracker.position;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.account.AccountRole;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(AccountRole.VIEWER)
@Path("/api/parties/{id}")
@Tag(name = "Positions", description = "Which claims a party denied, confirmed or left unresolved")
@Produces(MediaType.APPLICATION_JSON)
public class PositionResource {

    private static final String COMMENTARY = "true: also count the positions that commentary (claims of kind"
            + " commentary) would give, which are left out by default";

    private static final String SCOPE = "Who answers for the party: self (the party alone, the default), parts (also every"
            + " party whose parent chain leads to it: its ministries, their spokesmen), members (also the parties with a"
            + " dated membership of it, counted for claims whose date, the incident's else the date stated, falls within"
            + " the membership, with their parts). The rolled-up position follows from the latest response among the"
            + " parties in scope, whose party is named as respondent; contested when parties in scope disagree on that"
            + " latest date";

    @Inject
    PositionService service;

    @GET
    @Path("claims")
    @Operation(operationId = "listPartyClaims", summary = "Claims on which the party holds a position",
            description = "The party's position on a claim follows from its latest response by date stated:"
                    + " denied (denies, counter_attributes), confirmed (confirms, acknowledges), partially_confirmed"
                    + " (partially_confirms), withdrawn (the claimant retracts), unresolved (the claim is addressed to"
                    + " the party, which has not denied or confirmed it), contested (with scope parts or members only: parties in"
                    + " scope disagree on the latest date). Without status, every claim with a position."
                    + " respondent names the party that gave latestResponse (with a scope, the deciding response"
                    + " among the parties in scope)."
                    + " Commentary (claims of kind commentary: an outlet's or author's reading) gives no position unless"
                    + " commentary=true. Most recent first.")
    @APIResponse(responseCode = "200", description = "A page of the party's claims, most recent first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartyClaimPage.class)))
    public Response claims(@PathParam("id") long id,
            @Parameter(description = "The derived position; all positions when absent",
                    schema = @Schema(implementation = Position.class))
            @QueryParam("status") String status,
            @Parameter(description = SCOPE, schema = @Schema(implementation = Scope.class))
            @QueryParam("scope") String scope,
            @Parameter(description = "Answer as of this date (YYYY-MM-DD): later claims and responses are ignored")
            @QueryParam("asOf") String asOf,
            @Parameter(description = COMMENTARY, schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("commentary") String commentary,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 200 (default 20)") @QueryParam("size") String size) {
        Position position = Params.optionalEnum("status", status, Position.class);
        Scope within = scopeOf(scope);
        LocalDate date = Params.optionalDate("asOf", asOf);
        boolean withCommentary = Params.optionalFlag("commentary", commentary);
        PageParams pageParams = PageParams.of(page, size);
        // JSON written by PostgreSQL, passed on as it comes: no mapping on the API's busiest list.
        return Response.ok(service.claimsJson(id, within, position, date, withCommentary, pageParams),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** What {@link #claims} answers, for the API description. */
    @Schema(name = "PagePartyClaim")
    record PartyClaimPage(List<PartyClaim> items, int page, int size, long total) {
    }

    @GET
    @Path("summary")
    @Operation(operationId = "getPartySummary", summary = "How many claims the party holds each position on")
    public PositionSummary summary(@PathParam("id") long id,
            @Parameter(description = SCOPE, schema = @Schema(implementation = Scope.class))
            @QueryParam("scope") String scope,
            @Parameter(description = "Answer as of this date (YYYY-MM-DD)") @QueryParam("asOf") String asOf,
            @Parameter(description = COMMENTARY, schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("commentary") String commentary) {
        Scope within = scopeOf(scope);
        return service.summaryOf(id, within, Params.optionalDate("asOf", asOf), Params.optionalFlag("commentary", commentary));
    }

    /** The scope asked for; self when absent. */
    private static Scope scopeOf(String scope) {
        Scope within = Params.optionalEnum("scope", scope, Scope.class);
        return within == null ? Scope.self : within;
    }
}
