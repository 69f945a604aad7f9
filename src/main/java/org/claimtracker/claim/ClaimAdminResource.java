package org.claimtracker.claim;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.claimtracker.account.AccountRole;
import org.claimtracker.article.ArticleService;
import org.claimtracker.article.ArticleDetail;
import org.claimtracker.article.QuoteRequest;
import org.claimtracker.web.Form;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.web.Paging;
import org.claimtracker.core.Params;
import org.claimtracker.core.Suggestion;
import org.claimtracker.export.ClaimReviewService;
import org.claimtracker.incident.IncidentService;
import org.claimtracker.party.PartyService;
import org.claimtracker.web.Pickers;

/**
 * Claims: the list, the claim page (sources, response history in date order, each party's
 * position) and the claim form, which the article reader opens with a selected quote filled in.
 */
@Path("/admin/claims")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class ClaimAdminResource extends AdminRecordPages<ClaimDetail, ClaimRequest> {

    /** Blank source rows offered beneath the filled ones. */
    private static final int SPARE_SOURCE_ROWS = 1;
    /** The most sources a claim has (as the API allows). */
    private static final int MAX_SOURCE_ROWS = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<ClaimSummary> page, Paging paging, Form filter);

        static native TemplateInstance show(ClaimDetail claim, String claimReview);

        static native TemplateInstance form(Form form, ClaimDetail claim, List<Integer> sourceRows);
    }

    @Inject
    ClaimService claims;

    @Inject
    PartyService parties;

    @Inject
    ArticleService articles;

    @Inject
    IncidentService incidents;

    @Inject
    ClaimReviewService reviews;

    @GET
    public Object list(@QueryParam("q") String q, @QueryParam("kind") String kind,
            @QueryParam("grading") String grading, @QueryParam("claimantId") String claimantId,
            @QueryParam("addressedPartyId") String addressedPartyId, @QueryParam("incidentId") String incidentId,
            @QueryParam("from") String from, @QueryParam("to") String to, @Context UriInfo uri) {
        LocalDate fromDate = Params.optionalDate("from", from);
        LocalDate toDate = Params.optionalDate("to", to);
        ClaimService.ListFilter filter = new ClaimService.ListFilter(null, Params.optionalId("claimantId", claimantId),
                Params.optionalId("addressedPartyId", addressedPartyId), Params.optionalId("incidentId", incidentId),
                Params.optionalEnum("kind", kind, ClaimKind.class), Params.optionalEnum("grading", grading, Grading.class),
                fromDate, toDate, null, Params.optionalText("q", q, 200));
        return Paging.list(Templates::list, p -> claims.list(filter, p), uri, "q", "kind", "grading", "from", "to", "claimantId",
                "addressedPartyId", "incidentId");
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        ClaimDetail claim = claims.get(id, null);
        return Templates.show(claim, reviews.script(claim.id()));
    }

    /** The empty form; from the article reader it arrives with the selected quote and its offset. */
    @GET
    @Path("new")
    @RolesAllowed(AccountRole.ANALYST)
    public TemplateInstance createForm(@QueryParam("articleId") String articleId, @QueryParam("quote") String quote,
            @QueryParam("start") String start, @QueryParam("incidentId") String incidentId) {
        Form form = Form.empty().with("kind", ClaimKind.attack_attribution).with("grading", Grading.unassessed);
        Long article = Params.optionalId("articleId", articleId);
        if (article != null) {
            ArticleDetail a = articles.get(article);
            form.with("sources[0].article", Suggestion.tagged(a.title(), a.id())).with("sources[0].quote", quote)
                    .with("sources[0].start", Params.optionalText("start", start, 10)).with("statedOn", a.publishedOn());
        }
        Long incident = Params.optionalId("incidentId", incidentId);
        if (incident != null) {
            var i = incidents.get(incident);
            form.with("incident", Suggestion.tagged(i.title(), i.id()));
        }
        return Templates.form(form, null, rows(form, 0));
    }

    /** The edit, save, confirm-delete and delete pages of this kind of record (AdminRecordPages). */
    @Override
    protected AdminCrud<ClaimDetail, ClaimRequest> describe() {
        return record("claim", "/admin/claims")
                .reads(id -> claims.get(id, null), c -> ClaimService.shorten(c.proposition()))
                .form(ClaimAdminResource::formOf, form -> request(form, form.rows("sources", MAX_SOURCE_ROWS)),
                        (form, c) -> Templates.form(form, c, rows(form, form.rows("sources", MAX_SOURCE_ROWS))))
                .writes(claims::create, claims::update, claims::delete)
                .suggesting(claims::suggest);
    }

    /** The form as the stored record fills it. */
    private static Form formOf(ClaimDetail c) {
        Form form = Form.filled(c, ClaimRequest.class).with("claimant", Suggestion.tagged(c.claimant()))
                .with("speaker", Suggestion.tagged(c.speaker())).with("addressed", Suggestion.tagged(c.addressedParty()))
                .with("incident", Suggestion.tagged(c.incident()));
        for (int i = 0; i < c.sources().size(); i++) {
            SourceView s = c.sources().get(i);
            form.with("sources[" + i + "].article", Suggestion.tagged(s.article().title(), s.article().id()))
                    .with("sources[" + i + "].quote", s.quote()).with("sources[" + i + "].start", s.start());
        }
        return form;
    }

    /** The request the form makes: its plain inputs are named like ClaimRequest's components. */
    private ClaimRequest request(Form form, int submittedRows) {
        form.alias("claimantId", "claimant").alias("speakerId", "speaker").alias("addressedPartyId", "addressed")
                .alias("incidentId", "incident");
        Long claimant = Pickers.pick(form, "claimant", parties::idNamed, "party");
        if (claimant == null && !form.hasError("claimant")) {
            form.reject("claimant", "Choose the party that makes the claim");
        }
        List<QuoteRequest> sources = sources(form, submittedRows);
        return form.read(ClaimRequest.class, Map.of("claimantId", () -> claimant,
                "speakerId", () -> Pickers.pick(form, "speaker", parties::idNamed, "party"),
                "addressedPartyId", () -> Pickers.pick(form, "addressed", parties::idNamed, "party"),
                "incidentId", () -> incidentId(form), "sources", () -> sources));
    }

    private static List<QuoteRequest> sources(Form form, int submittedRows) {
        List<QuoteRequest> sources = new ArrayList<>();
        for (int row = 0; row < submittedRows; row++) {
            String prefix = "sources[" + row + "]";
            if (!form.has(prefix + ".article") && !form.has(prefix + ".quote")) {
                continue;
            }
            String requestPrefix = "sources[" + sources.size() + "]";
            form.alias(requestPrefix + ".articleId", prefix + ".article").alias(requestPrefix + ".quote", prefix + ".quote")
                    .alias(requestPrefix + ".start", prefix + ".start").alias(requestPrefix + ".end", prefix + ".start")
                    .alias(requestPrefix, prefix + ".quote");
            Long article = form.id(prefix + ".article");
            if (article == null && !form.hasError(prefix + ".article")) {
                form.reject(prefix + ".article", "Choose the article the quote comes from");
            }
            sources.add(new QuoteRequest(article, form.value(prefix + ".quote").isBlank() ? null : form.value(prefix + ".quote"),
                    form.integer(prefix + ".start"), null));
        }
        if (sources.isEmpty()) {
            form.reject("sources[0].quote", "Give at least one source: an article and the words quoted from it");
        }
        return sources;
    }

    private static Long incidentId(Form form) {
        return form.has("incident") ? form.id("incident") : null;
    }

    private static List<Integer> rows(Form form, int filled) {
        int used = Math.max(filled, form.has("sources[0].quote") || form.has("sources[0].article") ? 1 : 0);
        return IntStream.range(0, Math.max(1, used + SPARE_SOURCE_ROWS)).boxed().toList();
    }
}
