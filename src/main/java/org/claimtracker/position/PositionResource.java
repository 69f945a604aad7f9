package org.claimtracker.position;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.claimtracker.account.AccountRole;
import org.claimtracker.common.Page;
import org.claimtracker.common.PageParams;
import org.claimtracker.common.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(AccountRole.VIEWER)
@Path("/api/parties/{id}")
@Tag(name = "Positions", description = "Which claims a party denied, confirmed or left unresolved")
@Produces(MediaType.APPLICATION_JSON)
public class PositionResource {

    @Inject
    PositionService service;

    @GET
    @Path("claims")
    @Operation(summary = "Claims on which the party holds a position",
            description = "The party's position on a claim follows from its latest response by date stated:"
                    + " denied (denies, counter_attributes), confirmed (confirms, acknowledges), partially_confirmed"
                    + " (partially_confirms), withdrawn (the claimant retracts), unresolved (the claim is addressed to"
                    + " the party, which has not denied or confirmed it). Without status, every claim with a position."
                    + " Most recent first.")
    public Page<PartyClaim> claims(@PathParam("id") long id,
            @Parameter(description = "The derived position; all positions when absent",
                    schema = @Schema(implementation = Position.class))
            @QueryParam("status") String status,
            @Parameter(description = "Answer as of this date (YYYY-MM-DD): later claims and responses are ignored")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 200 (default 20)") @QueryParam("size") String size) {
        return service.claimsOf(id, Params.optionalEnum("status", status, Position.class),
                Params.optionalDate("asOf", asOf), PageParams.of(page, size));
    }

    @GET
    @Path("summary")
    @Operation(summary = "How many claims the party holds each position on")
    public PositionSummary summary(@PathParam("id") long id,
            @Parameter(description = "Answer as of this date (YYYY-MM-DD)") @QueryParam("asOf") String asOf) {
        return service.summaryOf(id, Params.optionalDate("asOf", asOf));
    }
}
