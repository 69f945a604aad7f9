package org.claimtracker.article;

import org.claimtracker.web.AdminCrud;
import org.claimtracker.web.AdminRecordPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.account.AccountRole;
import org.claimtracker.annotation.CandidateService;
import org.claimtracker.annotation.CandidateView;
import org.claimtracker.web.Form;
import java.util.Map;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.web.Paging;
import org.claimtracker.core.Params;
import org.claimtracker.core.Suggestion;
import org.claimtracker.outlet.OutletService;
import org.claimtracker.web.Pickers;

/**
 * Articles, and the reader: the stored text with every recorded quote highlighted and linked, where
 * a selected passage opens the claim or response form with the quote and its offsets filled in, and
 * so do the passages imported from annotation tools (quote candidates), which can be dismissed.
 */
@Path("/admin/articles")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class ArticleAdminResource extends AdminRecordPages<ArticleDetail, ArticleRequest> {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<ArticleSummary> page, Paging paging, Form filter);

        static native TemplateInstance show(ArticleDetail article, List<ReaderSegment> segments, List<QuoteMark> quotes,
                List<CandidateView> candidates);

        static native TemplateInstance form(Form form, ArticleDetail article);
    }

    @Inject
    ArticleService articles;

    @Inject
    OutletService outlets;

    @Inject
    CandidateService candidates;

    @GET
    public Object list(@QueryParam("q") String q, @QueryParam("outletId") String outletId,
            @QueryParam("from") String from, @QueryParam("to") String to, @Context UriInfo uri) {
        LocalDate fromDate = Params.optionalDate("from", from);
        LocalDate toDate = Params.optionalDate("to", to);
        ArticleService.ListFilter filter = new ArticleService.ListFilter(Params.optionalId("outletId", outletId),
                null, fromDate, toDate, null, null, Params.optionalText("q", q, 200));
        return Paging.list(Templates::list, p -> articles.list(filter, p), uri, "q", "outletId", "from", "to");
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        ArticleDetail article = articles.get(id);
        List<QuoteMark> quotes = articles.quotesOf(id);
        return Templates.show(article, ReaderSegment.split(article.text(), quotes), quotes, candidates.of(id));
    }

    @GET
    @Path("new")
    @RolesAllowed(AccountRole.ANALYST)
    public TemplateInstance createForm(@QueryParam("outletId") String outletId) {
        Form form = Form.empty().with("language", "en");
        Long outlet = Params.optionalId("outletId", outletId);
        if (outlet != null) {
            var o = outlets.get(outlet);
            form.with("outlet", Suggestion.tagged(o.name(), o.id()));
        }
        return Templates.form(form, null);
    }

    /** The edit, save, confirm-delete and delete pages of this kind of record (AdminRecordPages). */
    @Override
    protected AdminCrud<ArticleDetail, ArticleRequest> describe() {
        return record("article", "/admin/articles")
                .reads(articles::get, ArticleDetail::title)
                .form(ArticleAdminResource::formOf, this::request, Templates::form)
                .preparing(ArticleAdminResource::aliased)
                .writes(articles::create, articles::update, articles::delete)
                .suggesting(articles::suggest);
    }

    /** The form as the stored record fills it. */
    private static Form formOf(ArticleDetail a) {
        return Form.filled(a, ArticleRequest.class).with("outlet", Suggestion.tagged(a.outlet()))
                .with("republishedFrom", Suggestion.tagged(a.republishedFrom()));
    }

    private static Form aliased(Form form) {
        return form.alias("outletId", "outlet").alias("republishedFromOutletId", "republishedFrom");
    }

    private ArticleRequest request(Form form) {
        Long outletId = Pickers.pick(form, "outlet", outlets::idNamed, "outlet");
        if (outletId == null && !form.hasError("outlet")) {
            form.reject("outlet", "Choose the outlet that published the article");
        }
        // The text is kept as typed, its surrounding white space included.
        return form.read(ArticleRequest.class, Map.of("outletId", () -> outletId,
                "text", () -> form.value("text").isBlank() ? null : form.value("text"),
                "republishedFromOutletId", () -> Pickers.pick(form, "republishedFrom", outlets::idNamed, "outlet")));
    }
}
