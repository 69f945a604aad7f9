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
import org.claimtracker.picture.Svg;
import org.claimtracker.position.OpenSpan;
import org.claimtracker.position.PartyCounts;
import org.claimtracker.position.PositionService;
import org.claimtracker.position.UnresolvedClaim;
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

    static final String SVG = "image/svg+xml";
}
