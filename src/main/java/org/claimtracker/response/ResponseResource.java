package org.claimtracker.response;

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
@Path("/api/responses")
@Tag(name = "Responses", description = "Parties' stances on claims: denials, confirmations, counter-attributions")
@Extension(name = "x-record-noun", value = "response")
@Extension(name = "x-record-create", value = "A new stance is a new response: earlier ones stay as history. The source"
        + " quote must be found verbatim in its article's stored text.")
@Extension(name = "x-record-update", value = "For mistakes in recording; a changed stance is a new response.")
public class ResponseResource extends RecordResource<ResponseDetail, ResponseRequest, ResponseService> {

    ResponseResource(ResponseService service) {
        super("response", ResponseRequest.class, service);
    }

    @GET
    @Extension(name = OpenApiFilter.DATED, value = "Stated")
    @Operation(operationId = "listResponses", summary = "List responses", description = "Most recently stated first. Filters combine with AND.")
    public Page<ResponseDetail> list(
            @Parameter(description = "The response's ref, exactly") @QueryParam("ref") String ref,
            @Parameter(description = "Id of the claim responded to") @QueryParam("claimId") String claimId,
            @Parameter(description = "Id of the responding party") @QueryParam("partyId") String partyId,
            @Parameter(description = "Stance", schema = @Schema(implementation = Stance.class)) @QueryParam("stance") String stance,
            @BeanParam DateRange dates, @BeanParam PageQuery page) {
        return service.list(new ResponseService.ListFilter(Params.optionalText("ref", ref, 120),
                Params.optionalId("claimId", claimId),
                Params.optionalId("partyId", partyId), Params.optionalEnum("stance", stance, Stance.class),
                dates.from(), dates.to()), page.params());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getResponse", summary = "Get a response")
    public ResponseDetail get(@PathParam("id") long id) {
        return service.get(id);
    }
}
