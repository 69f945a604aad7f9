package org.claimtracker.article;

import org.claimtracker.audit.HistoryEntry;
import org.claimtracker.api.PageQuery;
import jakarta.ws.rs.BeanParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import org.claimtracker.account.AccountRole;
import org.claimtracker.audit.AuditService;
import org.claimtracker.api.Created;
import org.claimtracker.core.Page;
import org.claimtracker.core.Params;
import org.claimtracker.api.Preconditions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.PATCH;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.claimtracker.api.MergePatch;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RolesAllowed(AccountRole.VIEWER)
@Path("/api/articles")
@Tag(name = "Articles", description = "Stored article texts that every quote is checked against")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArticleResource {

    @Inject
    ArticleService service;

    @Inject
    AuditService audit;

    @Inject
    MergePatch patches;

    @GET
    @Operation(operationId = "listArticles", summary = "List articles", description = "Newest first, without their texts. Filters combine with AND.")
    public Page<ArticleSummary> list(
            @Parameter(description = "Outlet id") @QueryParam("outletId") String outletId,
            @Parameter(description = "Id of the outlet the article was republished from")
            @QueryParam("republishedFromOutletId") String republishedFromOutletId,
            @Parameter(description = "Published on or after, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "Published on or before, YYYY-MM-DD") @QueryParam("to") String to,
            @Parameter(description = "Case-insensitive text in the title") @QueryParam("q") String q,
            @Parameter(description = "Language tag, e.g. en") @QueryParam("language") String language,
            @BeanParam PageQuery page) {
        LocalDate fromDate = Params.optionalDate("from", from);
        LocalDate toDate = Params.optionalDate("to", to);
        Params.checkRange("from", fromDate, "to", toDate);
        return service.list(new ArticleService.ListFilter(Params.optionalId("outletId", outletId),
                Params.optionalId("republishedFromOutletId", republishedFromOutletId), fromDate, toDate,
                Params.optionalText("q", q, 200), Params.optionalText("language", language, 12)),
                page.params());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getArticle", summary = "Get an article with its text")
    public ArticleDetail get(@PathParam("id") long id) {
        return service.get(id);
    }

    @GET
    @Path("{id}/history")
    public Page<HistoryEntry> history(@PathParam("id") long id, @BeanParam PageQuery page) {
        return audit.historyOf("article", id, page.params());
    }

    @POST
    @RolesAllowed(AccountRole.ANALYST)
    @Operation(operationId = "createArticle", summary = "Record an article", description = "The same text recorded twice is refused with 409.")
    @APIResponse(responseCode = "201", description = "Recorded: the new record, its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleDetail.class)))
    public Response create(@Valid @NotNull ArticleRequest request, @Context UriInfo uri) {
        ArticleDetail created = service.create(request);
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Operation(operationId = "updateArticle", summary = "Correct an article",
            description = "A corrected text must still contain every quote recorded from it, at the same offsets.")
    public ArticleDetail update(@PathParam("id") long id, @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ArticleRequest request) {
        return service.update(id, Preconditions.required(ifMatch), request);
    }

    @PATCH
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchArticle", summary = "Change some fields of an article",
            description = "A JSON Merge Patch (RFC 7396): fields left out stay as they are, null clears a field, lists"
                    + " are replaced whole. The result must be a valid article, as for PUT.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = ArticleRequest.class)))
    public ArticleDetail patch(@PathParam("id") long id,
            @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
            JsonNode patch) throws JsonProcessingException {
        long version = Preconditions.required(ifMatch);
        return service.update(id, version, patches.apply(patch, () -> service.requestOf(id), ArticleRequest.class));
    }

    @DELETE
    @RolesAllowed(AccountRole.ANALYST)
    @Path("{id}")
    @Operation(operationId = "deleteArticle", summary = "Delete an article", description = "Refused with 409 while claims or responses quote it.")
    public void delete(@PathParam("id") long id,
            @Parameter(description = Preconditions.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, Preconditions.required(ifMatch));
    }
}
