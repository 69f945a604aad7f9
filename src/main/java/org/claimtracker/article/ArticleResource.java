package org.claimtracker.article;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(AccountRole.VIEWER)
@Path("/api/articles")
@Tag(name = "Articles", description = "Stored article texts that every quote is checked against")
@Extension(name = "x-record-noun", value = "article")
@Extension(name = "x-record-create", value = "The same text recorded twice is refused with 409.")
@Extension(name = "x-record-update", value = "A corrected text must still contain every quote recorded from it, at the"
        + " same offsets.")
@Extension(name = "x-record-delete", value = "Refused with 409 while claims or responses quote it.")
public class ArticleResource extends RecordResource<ArticleDetail, ArticleRequest, ArticleService> {

    ArticleResource(ArticleService service) {
        super("article", ArticleRequest.class, service);
    }

    @GET
    @Extension(name = OpenApiFilter.DATED, value = "Published")
    @Operation(operationId = "listArticles", summary = "List articles", description = "Newest first, without their texts. Filters combine with AND.")
    public Page<ArticleSummary> list(
            @Parameter(description = "Outlet id") @QueryParam("outletId") String outletId,
            @Parameter(description = "Id of the outlet the article was republished from")
            @QueryParam("republishedFromOutletId") String republishedFromOutletId,
            @Parameter(description = "Words of the title or text, read as GET /api/search reads q (stemmed,"
                    + " \"phrases\", -exclusions, or)") @QueryParam("q") String q,
            @Parameter(description = "Language tag, e.g. en") @QueryParam("language") String language,
            @BeanParam DateRange dates, @BeanParam PageQuery page) {
        return service.list(new ArticleService.ListFilter(Params.optionalId("outletId", outletId),
                Params.optionalId("republishedFromOutletId", republishedFromOutletId), dates.from(), dates.to(),
                null, Params.optionalText("language", language, 12), Params.optionalText("q", q, 200)),
                page.params());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getArticle", summary = "Get an article with its text")
    public ArticleDetail get(@PathParam("id") long id) {
        return service.get(id);
    }
}
