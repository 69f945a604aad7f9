package org.claimtracker.response;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import org.claimtracker.account.AccountRole;
import org.claimtracker.article.ArticleService;
import org.claimtracker.article.ArticleDetail;
import org.claimtracker.article.QuoteRequest;
import org.claimtracker.claim.ClaimDetail;
import org.claimtracker.claim.ClaimService;
import org.claimtracker.web.Form;
import java.util.Map;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.web.Paging;
import org.claimtracker.core.Params;
import org.claimtracker.core.Suggestion;
import org.claimtracker.party.PartyService;
import org.claimtracker.web.Pickers;

/** Responses: the list and the form; a response is shown on its claim's page. */
@Path("/admin/responses")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class ResponseAdminResource extends AdminRecordPages<ResponseDetail, ResponseRequest> {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<ResponseDetail> page, Paging paging, Form filter);

        static native TemplateInstance form(Form form, ResponseDetail response);
    }

    @Inject
    ResponseService responses;

    @Inject
    ClaimService claims;

    @Inject
    PartyService parties;

    @Inject
    ArticleService articles;

    @GET
    public Object list(@QueryParam("partyId") String partyId, @QueryParam("claimId") String claimId,
            @QueryParam("stance") String stance, @QueryParam("from") String from, @QueryParam("to") String to, @Context UriInfo uri) {
        LocalDate fromDate = Params.optionalDate("from", from);
        LocalDate toDate = Params.optionalDate("to", to);
        ResponseService.ListFilter filter = new ResponseService.ListFilter(null, Params.optionalId("claimId", claimId),
                Params.optionalId("partyId", partyId), Params.optionalEnum("stance", stance, Stance.class), fromDate, toDate);
        return Paging.list(Templates::list, p -> responses.list(filter, p), uri, "partyId", "claimId", "stance", "from",
                "to");
    }

    @GET
    @Path("{id}")
    public Response show(@PathParam("id") long id) {
        ResponseDetail r = responses.get(id);
        return Response.seeOther(URI.create("/admin/claims/" + r.claim().id() + "#response-" + id)).build();
    }

    /**
     * The empty form; from a claim page it arrives with the claim, from the article reader with
     * the selected quote and its offset.
     */
    @GET
    @Path("new")
    @RolesAllowed(AccountRole.ANALYST)
    public TemplateInstance createForm(@QueryParam("claimId") String claimId, @QueryParam("articleId") String articleId,
            @QueryParam("quote") String quote, @QueryParam("start") String start) {
        Form form = Form.empty().with("stance", Stance.denies);
        Long claim = Params.optionalId("claimId", claimId);
        if (claim != null) {
            ClaimDetail c = claims.get(claim, null);
            form.with("claim", Suggestion.tagged(ClaimService.shorten(c.proposition()), c.id()));
            if (c.addressedParty() != null) {
                form.with("party", Suggestion.tagged(c.addressedParty()));
            }
        }
        Long article = Params.optionalId("articleId", articleId);
        if (article != null) {
            ArticleDetail a = articles.get(article);
            form.with("article", Suggestion.tagged(a.title(), a.id())).with("quote", quote)
                    .with("start", Params.optionalText("start", start, 10)).with("statedOn", a.publishedOn());
        }
        return Templates.form(form, null);
    }

    /** The edit, save, confirm-delete and delete pages of this kind of record (AdminRecordPages). */
    @Override
    protected AdminCrud<ResponseDetail, ResponseRequest> describe() {
        return record("response", "/admin/responses")
                .reads(responses::get, ResponseAdminResource::name)
                .pages(r -> "/admin/claims/" + r.claim().id() + "#response-" + r.id(), r -> "/admin/claims/" + r.claim().id())
                .form(ResponseAdminResource::formOf, this::request, Templates::form)
                .writes(responses::create, responses::update, responses::delete);
    }

    /** The form as the stored record fills it. */
    private static Form formOf(ResponseDetail r) {
        return Form.filled(r, ResponseRequest.class)
                .with("claim", Suggestion.tagged(ClaimService.shorten(r.claim().proposition()), r.claim().id()))
                .with("party", Suggestion.tagged(r.party())).with("speaker", Suggestion.tagged(r.speaker()))
                .with("article", Suggestion.tagged(r.source().article().title(), r.source().article().id()))
                .with("quote", r.source().quote()).with("start", r.source().start())
                .with("counterClaim", r.counterClaim() == null ? null
                        : Suggestion.tagged(ClaimService.shorten(r.counterClaim().proposition()), r.counterClaim().id()));
    }

    private ResponseRequest request(Form form) {
        form.alias("claimId", "claim").alias("partyId", "party").alias("speakerId", "speaker")
                .alias("counterClaimId", "counterClaim").alias("source.articleId", "article").alias("source.quote", "quote")
                .alias("source.start", "start").alias("source.end", "start").alias("source", "quote");
        Long claim = form.id("claim");
        if (claim == null && !form.hasError("claim")) {
            form.reject("claim", "Choose the claim this response answers");
        }
        Long party = Pickers.pick(form, "party", parties::idNamed, "party");
        if (party == null && !form.hasError("party")) {
            form.reject("party", "Choose the party that responded");
        }
        Long article = form.id("article");
        if (article == null && !form.hasError("article")) {
            form.reject("article", "Choose the article the response was read in");
        }
        QuoteRequest source = new QuoteRequest(article, form.value("quote").isBlank() ? null : form.value("quote"),
                form.integer("start"), null);
        Long counterClaim = form.has("counterClaim") ? form.id("counterClaim") : null;
        return form.read(ResponseRequest.class, Map.of("claimId", () -> claim, "partyId", () -> party,
                "speakerId", () -> Pickers.pick(form, "speaker", parties::idNamed, "party"), "source", () -> source,
                "counterClaimId", () -> counterClaim));
    }

    private static String name(ResponseDetail r) {
        return r.party().name() + " " + r.stance().name().replace('_', ' ') + " on " + r.statedOn();
    }
}
