package org.claimtracker.dashboard;

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
import java.util.List;
import org.claimtracker.account.AccountRole;
import org.claimtracker.claim.ClaimService;
import org.claimtracker.claim.ClaimSummary;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Params;
import org.claimtracker.core.Problem;
import org.claimtracker.core.Ref;
import org.claimtracker.picture.Svg;
import org.claimtracker.position.OpenSpan;
import org.claimtracker.position.PartyCounts;
import org.claimtracker.position.PositionService;
import org.claimtracker.position.UnresolvedClaim;
import org.claimtracker.web.ListDownload;
import org.claimtracker.web.Paging;

/** The analysts' start page: what came in lately, what is still open, who stands where. */
@Path("/admin")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    /** Parties per page of the positions-by-party picture and table. */
    static final String PARTIES_PER_PAGE = "15";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Page<ClaimSummary> recent, Page<UnresolvedClaim> unresolved,
                Page<PartyCounts> parties, Paging partiesPaging, boolean commentary, Pictures pictures);
    }

    /** The dashboard's pictures, with the numbers their tables show. */
    public record Pictures(String parties, String activity, List<ActivityMonth> months, String open, List<OpenSpan> spans) {
    }

    @Inject
    ClaimService claims;

    @Inject
    PositionService positions;

    @Inject
    ActivityService activity;

    @GET
    public TemplateInstance dashboard(@QueryParam("commentary") String commentary, @QueryParam("page") String page,
            @Context UriInfo uri) {
        boolean withCommentary = Params.optionalFlag("commentary", commentary);
        Page<PartyCounts> parties = positions.partiesByPositions(withCommentary, PageParams.of(page, PARTIES_PER_PAGE));
        List<ActivityMonth> months = activity.lastMonths();
        List<OpenSpan> spans = positions.unresolvedAges(withCommentary);
        Pictures pictures = new Pictures(DashboardPictures.parties(parties, withCommentary, "", false),
                DashboardPictures.activity(months, "", false), months,
                DashboardPictures.open(spans, withCommentary, "", false), spans);
        return Templates.dashboard(
                claims.list(ClaimService.ListFilter.none(), new PageParams(0, 10)),
                positions.unresolved(withCommentary, new PageParams(0, 10)),
                parties, Paging.of(parties, uri), withCommentary, pictures);
    }

    /**
     * A dashboard picture as a file to keep (image/svg+xml, an attachment, links absolute):
     * {@code parties} (with the dashboard's page and commentary), {@code activity} or {@code open}.
     */
    @GET
    @Path("dashboard/{picture}.svg")
    @Produces(SVG)
    public Response pictureSvg(@PathParam("picture") String picture, @QueryParam("commentary") String commentary,
            @QueryParam("page") String page, @Context UriInfo uri) {
        try {
            boolean withCommentary = Params.optionalFlag("commentary", commentary);
            String base = uri.getBaseUri().toString().replaceAll("/+$", "");
            String svg = switch (picture) {
                case "parties" -> DashboardPictures.parties(
                        positions.partiesByPositions(withCommentary, PageParams.of(page, PARTIES_PER_PAGE)), withCommentary,
                        base, true);
                case "activity" -> DashboardPictures.activity(activity.lastMonths(), base, true);
                case "open" -> DashboardPictures.open(positions.unresolvedAges(withCommentary), withCommentary, base, true);
                default -> throw new ApiProblem(404, "Not found", "picture", "No picture named '" + Svg.shorten(picture, 40)
                        + "'; the dashboard has parties.svg, activity.svg and open.svg", null);
            };
            return Response.ok(svg, SVG + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"dashboard-" + picture + ".svg\"")
                    .build();
        } catch (ApiProblem problem) {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toProblem()).build();
        }
    }

    /**
     * A dashboard table as a file, whole rather than the page shown: {@code parties} (positions by
     * party, every party with a position), {@code unresolved} (every claim still open, longest open
     * first), {@code activity} (claims and responses per month) or {@code open} (unresolved claims by
     * how long they have been open); {@code commentary=true} as on the dashboard. Recent claims are the
     * claims list's download.
     */
    @GET
    @Path("dashboard/{table}.{format:csv|json}")
    public Response table(@PathParam("table") String table, @PathParam("format") String format,
            @QueryParam("commentary") String commentary) {
        boolean withCommentary = Params.optionalFlag("commentary", commentary);
        return switch (table) {
            case "parties" -> ListDownload.of("positions-by-party", format,
                    page -> positions.partiesByPositions(withCommentary, page).map(PartyPositions::of));
            case "unresolved" -> ListDownload.of("unresolved-claims", format,
                    page -> positions.unresolved(withCommentary, page));
            case "activity" -> ListDownload.of("claims-and-responses-per-month", format, activity.lastMonths());
            case "open" -> ListDownload.of("unresolved-by-days-open", format, positions.unresolvedAges(withCommentary));
            default -> throw new ApiProblem(404, "Not found", "table", "No table named '" + Svg.shorten(table, 40)
                    + "'; the dashboard has parties, unresolved, activity and open", null);
        };
    }

    /** One row of positions by party as a download: a column per position. */
    public record PartyPositions(Ref party, long denied, long confirmed, long partiallyConfirmed, long unresolved,
            long withdrawn, long total) {

        static PartyPositions of(PartyCounts counts) {
            return new PartyPositions(counts.party(), counts.count("denied"), counts.count("confirmed"),
                    counts.count("partially_confirmed"), counts.count("unresolved"), counts.count("withdrawn"),
                    counts.total());
        }
    }

    static final String SVG = "image/svg+xml";
}
