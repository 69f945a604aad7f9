package org.claimtracker.party;

import org.claimtracker.web.AdminCrud;
import org.claimtracker.web.AdminRecordPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimtracker.account.AccountRole;
import org.claimtracker.web.Form;
import java.util.List;
import java.util.Map;
import org.claimtracker.core.Ref;
import org.claimtracker.position.PositionMonth;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.web.ListDownload;
import org.claimtracker.web.Paging;
import org.claimtracker.core.Params;
import org.claimtracker.web.Redirects;
import org.claimtracker.web.Submission;
import org.claimtracker.core.Suggestion;
import org.claimtracker.position.PartyClaim;
import org.claimtracker.position.Position;
import org.claimtracker.position.PositionService;
import org.claimtracker.position.PositionSummary;
import org.claimtracker.position.Scope;
import org.claimtracker.position.ScopeSize;
import org.claimtracker.web.Pickers;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Problem;
import org.claimtracker.picture.Svg;

/**
 * The party pages: its claims under one tab per position (the same answers as
 * GET /api/parties/{id}/claims, from the same service), its aliases, parent and memberships.
 */
@Path("/admin/parties")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class PartyAdminResource extends AdminRecordPages<PartyDetail, PartyRequest> {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<PartySummary> page, Paging paging, Form filter);

        static native TemplateInstance show(PartyDetail party, PositionSummary summary, String status, String asOf,
                boolean commentary, Page<PartyClaim> claims, Paging paging, Form membership, String scope, ScopeSize scopeSize,
                PartyPictures.View pictures, String picturesQuery);

        static native TemplateInstance form(Form form, PartyDetail party);

        static native TemplateInstance membership(Form form, PartyDetail party, MembershipDetail membership);
    }

    @Inject
    PartyService parties;

    @Inject
    PositionService positions;

    @GET
    public Object list(@QueryParam("q") String q, @QueryParam("kind") String kind, @Context UriInfo uri) {
        String words = Params.optionalText("q", q, 200);
        PartyKind chosen = Params.optionalEnum("kind", kind, PartyKind.class);
        return Paging.list(Templates::list, p -> parties.list(words, chosen, null, p), uri, "q", "kind");
    }

    @GET
    @Path("{id}")
    public Object show(@PathParam("id") long id, @QueryParam("status") String status,
            @QueryParam("asOf") String asOf, @QueryParam("commentary") String commentary,
            @QueryParam("scope") String scope, @QueryParam("page") String page, @QueryParam("charts") String charts,
            @QueryParam("format") String format, @Context UriInfo uri) {
        if (format != null && !format.isBlank()) {
            // The tab's claims, whole, as CSV or JSON (the page's download links).
            Position position = Params.optionalEnum("status", status, Position.class);
            Reading reading = Reading.of(asOf, commentary, scope);
            parties.get(id);
            return ListDownload.of("party-" + id + "-" + (position == null ? "all" : position.name()), format,
                    p -> positions.claimsOf(id, reading.scope(), position, reading.date(), reading.commentary(), p));
        }
        // charts=false leaves the pictures out (and their one query): the page as it was before them,
        // which bench/party-page.sh measures the page with its pictures against.
        boolean withCharts = charts == null || Params.optionalFlag("charts", charts);
        return page(id, status, asOf, commentary, scope, page, uri, Form.empty(), withCharts);
    }

    private TemplateInstance page(long id, String status, String asOf, String commentary, String scope, String page,
            UriInfo uri, Form membership, boolean withCharts) {
        PartyDetail party = parties.get(id);
        Position position = Params.optionalEnum("status", status, Position.class);
        Reading reading = Reading.of(asOf, commentary, scope);
        java.time.LocalDate date = reading.date();
        boolean withCommentary = reading.commentary();
        Scope within = reading.scope();
        Page<PartyClaim> claims = positions.claimsOf(id, within, position, date, withCommentary, PageParams.of(page, "50"));
        PartyPictures.Choice choice = new PartyPictures.Choice(id, within, date, withCommentary,
                position == null ? "" : position.name());
        PositionSummary summary;
        PartyPictures.View pictures = null;
        if (withCharts) {
            // The months add up to the summary: one pass over the positions serves the pictures and the tabs.
            List<PositionMonth> months = positions.monthsOf(id, within, date, withCommentary);
            summary = PositionSummary.fromMonths(new Ref(party.id(), party.name()), date, months);
            pictures = PartyPictures.view(party.name(), summary, months, choice, "", false);
        } else {
            summary = positions.summaryOf(id, within, date, withCommentary);
        }
        return Templates.show(party, summary, position == null ? "" : position.name(),
                date == null ? "" : date.toString(), withCommentary, claims, Paging.downloadable(claims, uri), membership,
                within.name(), positions.scopeSize(id), pictures, choice.query());
    }

    /**
     * A picture of the party's record as a file to keep (image/svg+xml, an attachment, links
     * absolute): {@code positions} (the stacked bar) or {@code months} (positions per month), with
     * the page's asOf, scope and commentary. An unknown party or picture is a problem document.
     */
    @GET
    @Path("{id}/{picture}.svg")
    @Produces(SVG)
    public Response pictureSvg(@PathParam("id") long id, @PathParam("picture") String picture,
            @QueryParam("asOf") String asOf, @QueryParam("commentary") String commentary, @QueryParam("scope") String scope,
            @Context UriInfo uri) {
        try {
            if (!picture.equals("positions") && !picture.equals("months")) {
                throw new ApiProblem(404, "Not found", "picture", "No picture named '" + Svg.shorten(picture, 40)
                        + "'; a party has positions.svg and months.svg", null);
            }
            PartyDetail party = parties.get(id);
            Reading reading = Reading.of(asOf, commentary, scope);
            List<PositionMonth> months = positions.monthsOf(id, reading.scope(), reading.date(), reading.commentary());
            PositionSummary summary = PositionSummary.fromMonths(new Ref(party.id(), party.name()), reading.date(), months);
            PartyPictures.Choice choice = new PartyPictures.Choice(id, reading.scope(), reading.date(), reading.commentary(),
                    "");
            String base = uri.getBaseUri().toString().replaceAll("/+$", "");
            String svg = picture.equals("positions") ? PartyPictures.positions(party.name(), summary, choice, base, true)
                    : PartyPictures.view(party.name(), summary, months, choice, base, true).months();
            return Response.ok(svg, SVG + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"party-" + id + "-" + picture + ".svg\"")
                    .build();
        } catch (ApiProblem problem) {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toProblem()).build();
        }
    }

    static final String SVG = "image/svg+xml";

    /**
     * How the party's page, its downloads and its pictures read its positions: as of a date (asOf,
     * none for today), with or without commentary, over which scope (self when not given). Parsed in
     * this order, so that the first bad parameter is the one named.
     */
    private record Reading(java.time.LocalDate date, boolean commentary, Scope scope) {

        static Reading of(String asOf, String commentary, String scope) {
            java.time.LocalDate date = Params.optionalDate("asOf", asOf);
            boolean withCommentary = Params.optionalFlag("commentary", commentary);
            Scope within = Params.optionalEnum("scope", scope, Scope.class);
            return new Reading(date, withCommentary, within == null ? Scope.self : within);
        }
    }

    @GET
    @Path("new")
    @RolesAllowed(AccountRole.ANALYST)
    public TemplateInstance createForm() {
        return Templates.form(Form.empty().with("kind", PartyKind.state), null);
    }

    /** The edit, save, confirm-delete and delete pages of this kind of record (AdminRecordPages). */
    @Override
    protected AdminCrud<PartyDetail, PartyRequest> describe() {
        return record("party", "/admin/parties")
                .reads(parties::get, PartyDetail::name)
                .form(PartyAdminResource::formOf, this::request, Templates::form)
                .preparing(PartyAdminResource::aliased)
                .writes(parties::create, parties::update, parties::delete)
                .suggesting(parties::suggest);
    }

    /** The form as the stored record fills it. */
    private static Form formOf(PartyDetail p) {
        return Form.filled(p, PartyRequest.class)
                .with("parent", Suggestion.tagged(p.parent()));
    }

    @POST
    @Path("{id}/memberships")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(AccountRole.ANALYST)
    public Response addMembership(@PathParam("id") long id, MultivaluedMap<String, String> params,
            @Context UriInfo uri) {
        Form form = Form.of(params);
        MembershipRequest request = membershipRequest(form);
        Response done = Submission.create(form, validator, request, () -> {
            parties.addMembership(id, request);
            return Redirects.to("/admin/parties/" + id + "#memberships", "created");
        });
        return Submission.orShow(done, 422, () -> page(id, null, null, null, null, null, uri, form, true));
    }

    @GET
    @Path("{id}/memberships/{membershipId}/edit")
    @RolesAllowed(AccountRole.ANALYST)
    public TemplateInstance editMembership(@PathParam("id") long id, @PathParam("membershipId") long membershipId) {
        PartyDetail party = parties.get(id);
        MembershipDetail m = membershipOf(party, membershipId);
        return Templates.membership(membershipForm(m), party, m);
    }

    @POST
    @Path("{id}/memberships/{membershipId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(AccountRole.ANALYST)
    public Response updateMembership(@PathParam("id") long id, @PathParam("membershipId") long membershipId,
            MultivaluedMap<String, String> params) {
        PartyDetail party = parties.get(id);
        MembershipDetail current = membershipOf(party, membershipId);
        Form form = Form.of(params);
        MembershipRequest request = membershipRequest(form);
        Response done = Submission.save(form, validator, request, () -> {
            parties.updateMembership(id, membershipId, form.id("version"), request);
            return Redirects.to("/admin/parties/" + id + "#memberships", "updated");
        }, () -> membershipForm(membershipOf(parties.get(id), membershipId)));
        return Submission.orShow(done, 422, () -> Templates.membership(form, party, current));
    }

    private MembershipRequest membershipRequest(Form form) {
        form.alias("groupId", "group");
        MembershipRequest request = form.read(MembershipRequest.class,
                Map.of("groupId", () -> Pickers.pick(form, "group", parties::idNamed, "party")));
        if (request.groupId() == null && !form.hasError("group")) {
            form.reject("group", "Choose the group the party belongs to");
        }
        return request;
    }

    private static MembershipDetail membershipOf(PartyDetail party, long membershipId) {
        return party.memberships().stream().filter(m -> m.id() == membershipId).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("membership of party " + party.id(),
                        membershipId));
    }

    private static Form membershipForm(MembershipDetail m) {
        return Form.filled(m, MembershipRequest.class).with("group", Suggestion.tagged(m.group()));
    }

    @POST
    @Path("{id}/memberships/{membershipId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(AccountRole.ANALYST)
    public Response deleteMembership(@PathParam("id") long id, @PathParam("membershipId") long membershipId) {
        parties.deleteMembership(id, membershipId, null);
        return Redirects.to("/admin/parties/" + id + "#memberships", "deleted");
    }

    private static Form aliased(Form form) {
        return form.alias("parentId", "parent");
    }

    private PartyRequest request(Form form) {
        return form.read(PartyRequest.class, Map.of("parentId", () -> Pickers.pick(form, "parent", parties::idNamed, "party")));
    }
}
