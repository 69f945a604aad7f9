package org.claimtracker.outlet;

import org.claimtracker.record.RecordResource;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.claimtracker.api.PageQuery;
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
@Path("/api/outlets")
@Tag(name = "Outlets", description = "Publishers of the articles claims are read in")
@Extension(name = "x-record-noun", value = "outlet")
@Extension(name = "x-record-update", value = "Send the version you read to refuse overwriting a newer change.")
@Extension(name = "x-record-delete", value = "Refused with 409 while articles are recorded from it.")
public class OutletResource extends RecordResource<OutletDetail, OutletRequest, OutletService> {

    OutletResource(OutletService service) {
        super("outlet", OutletRequest.class, service);
    }

    @GET
    @Operation(operationId = "listOutlets", summary = "List outlets", description = "Sorted by name. Filters combine with AND.")
    public Page<OutletDetail> list(
            @Parameter(description = "Case-insensitive text in the name or domain") @QueryParam("q") String q,
            @Parameter(description = "Outlet kind", schema = @Schema(implementation = OutletKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "ISO 3166-1 alpha-2 country code") @QueryParam("country") String country,
            @BeanParam PageQuery page) {
        return service.list(Params.optionalText("q", q, 200), Params.optionalEnum("kind", kind, OutletKind.class),
                Params.optionalText("country", country, 2), page.params());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOutlet", summary = "Get an outlet")
    public OutletDetail get(@PathParam("id") long id) {
        return service.get(id);
    }
}
