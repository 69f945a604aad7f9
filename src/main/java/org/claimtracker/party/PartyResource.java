package org.claimtracker.party;

import org.claimtracker.api.PageQuery;
import jakarta.ws.rs.BeanParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimtracker.account.AccountRole;
import org.claimtracker.api.Created;
import org.claimtracker.core.Page;
import org.claimtracker.core.Params;
import org.claimtracker.api.IfMatch;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.PATCH;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.claimtracker.api.MergePatch;
import org.claimtracker.record.RecordResource;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;

@RolesAllowed(AccountRole.VIEWER)
@Path("/api/parties")
@Tag(name = "Parties", description = "Actors: states, ministries, armed groups, coalitions, monitors, people")
@Extension(name = "x-record-noun", value = "party")
@Extension(name = "x-record-create", value = "Names and aliases are unique across all parties, ignoring case.")
@Extension(name = "x-record-update", value = "The aliases sent replace the stored ones.")
@Extension(name = "x-record-delete", value = "Its aliases and its own memberships go with it. Refused with 409 while claims,"
        + " responses, child parties or members refer to it.")
public class PartyResource extends RecordResource<PartyDetail, PartyRequest, PartyService> {

    PartyResource(PartyService service) {
        super("party", PartyRequest.class, service);
    }

    @Inject
    MergePatch patches;

    @GET
    @Operation(operationId = "listParties", summary = "List parties", description = "Sorted by name. Filters combine with AND.")
    public Page<PartySummary> list(
            @Parameter(description = "Case-insensitive text in the name or any alias") @QueryParam("q") String q,
            @Parameter(description = "Party kind", schema = @Schema(implementation = PartyKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "Id of the parent party") @QueryParam("parentId") String parentId,
            @BeanParam PageQuery page) {
        return service.list(Params.optionalText("q", q, 200), Params.optionalEnum("kind", kind, PartyKind.class),
                Params.optionalId("parentId", parentId), page.params());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getParty", summary = "Get a party", description = "With aliases, parent, children, memberships and members.")
    public PartyDetail get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}/memberships")
    @Operation(operationId = "createPartyMembership", summary = "Record that the party belongs to a group", description = "Dates are optional and inclusive.")
    @APIResponse(responseCode = "201", description = "Recorded: the new membership, its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MembershipDetail.class)))
    public Response addMembership(@PathParam("id") long id, @Valid @NotNull MembershipRequest request,
            @Context UriInfo uri) {
        MembershipDetail created = service.addMembership(id, request);
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}/memberships/{membershipId}")
    @Operation(operationId = "updatePartyMembership", summary = "Correct a membership")
    public MembershipDetail updateMembership(@PathParam("id") long id, @PathParam("membershipId") long membershipId,
            @BeanParam IfMatch ifMatch, @Valid @NotNull MembershipRequest request) {
        return service.updateMembership(id, membershipId, ifMatch.version(), request);
    }

    @PATCH
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}/memberships/{membershipId}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchPartyMembership", summary = "Change some fields of a membership",
            description = "A JSON Merge Patch (RFC 7396): fields left out stay as they are, null clears a field."
                    + " The result must be a valid membership, as for PUT.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = MembershipRequest.class)))
    public MembershipDetail patchMembership(@PathParam("id") long id, @PathParam("membershipId") long membershipId,
            @BeanParam IfMatch ifMatch, JsonNode patch) throws JsonProcessingException {
        long version = ifMatch.version();
        MembershipRequest merged = patches.apply(patch, () -> service.membershipRequestOf(id, membershipId),
                MembershipRequest.class);
        return service.updateMembership(id, membershipId, version, merged);
    }

    @DELETE
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}/memberships/{membershipId}")
    @Operation(operationId = "deletePartyMembership", summary = "Delete a membership")
    public void deleteMembership(@PathParam("id") long id, @PathParam("membershipId") long membershipId, @BeanParam IfMatch ifMatch) {
        service.deleteMembership(id, membershipId, ifMatch.version());
    }
}
