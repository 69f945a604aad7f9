package org.claimtracker.outlet;

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
import org.claimtracker.account.AccountRole;
import org.claimtracker.article.ArticleService;
import org.claimtracker.article.ArticleSummary;
import org.claimtracker.web.Form;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.web.Paging;
import org.claimtracker.core.Params;

@Path("/admin/outlets")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class OutletAdminResource extends AdminRecordPages<OutletDetail, OutletRequest> {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<OutletDetail> page, Paging paging, Form filter);

        static native TemplateInstance show(OutletDetail outlet, Page<ArticleSummary> articles);

        static native TemplateInstance form(Form form, OutletDetail outlet);
    }

    @Inject
    OutletService outlets;

    @Inject
    ArticleService articles;

    @GET
    public Object list(@QueryParam("q") String q, @QueryParam("kind") String kind, @Context UriInfo uri) {
        String words = Params.optionalText("q", q, 200);
        OutletKind chosen = Params.optionalEnum("kind", kind, OutletKind.class);
        return Paging.list(Templates::list, p -> outlets.list(words, chosen, null, p), uri, "q", "kind");
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        OutletDetail outlet = outlets.get(id);
        Page<ArticleSummary> recent = articles.list(ArticleService.ListFilter.outlet(id),
                new PageParams(0, 20));
        return Templates.show(outlet, recent);
    }

    @GET
    @Path("new")
    @RolesAllowed(AccountRole.ANALYST)
    public TemplateInstance createForm() {
        return Templates.form(Form.empty().with("kind", OutletKind.news_site), null);
    }

    /** The edit, save, confirm-delete and delete pages of this kind of record (AdminRecordPages). */
    @Override
    protected AdminCrud<OutletDetail, OutletRequest> describe() {
        return record("outlet", "/admin/outlets")
                .reads(outlets::get, OutletDetail::name)
                .form(stored -> Form.filled(stored, OutletRequest.class), form -> form.read(OutletRequest.class), Templates::form)
                .writes(outlets::create, outlets::update, outlets::delete)
                .suggesting(outlets::suggest);
    }
}
