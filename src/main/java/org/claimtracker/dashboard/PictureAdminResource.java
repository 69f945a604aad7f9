package org.claimtracker.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;
import org.claimtracker.core.Ref;
import org.claimtracker.position.Position;
import org.claimtracker.web.ListDownload;
import org.claimtracker.account.AccountRole;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Params;
import org.claimtracker.core.Problem;
import org.claimtracker.web.Form;

/**
 * The overview pictures' own pages: who accuses whom (a matrix of claimants and accused parties) and
 * the map of incidents, each with its filters, its data as a table, and its SVG file to download.
 */
@Path("/admin/pictures")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class PictureAdminResource {

    static final String SVG = "image/svg+xml";
    /** Claimants and accused parties shown on the matrix page (the dashboard shows fewer). */
    static final int MATRIX_LIMIT = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accusations(AccusationService.Matrix matrix, String picture, Form filter, String query);

        static native TemplateInstance map(List<AccusationService.MapIncident> incidents, String picture, Form filter,
                String query);
    }

    @Inject
    AccusationService accusations;

    /** A row of the matrix's table as a download: the pair, its claims, and the accused's positions on them. */
    public record Cell(Ref claimant, Ref accused, long claims, long denied, long confirmed, long partiallyConfirmed,
            long unresolved, long withdrawn) {
    }

    @GET
    @Path("accusations")
    public Object accusations(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("kind") String kind, @QueryParam("format") String format) {
        AccusationService.Filter f = filter(from, to, kind);
        AccusationService.Matrix m = accusations.matrix(f, MATRIX_LIMIT);
        if (format != null && !format.isBlank()) {
            // The table beside the matrix as a file: one row per claimant and accused with claims.
            List<Cell> cells = new ArrayList<>();
            for (Ref claimant : m.claimants()) {
                for (Ref accused : m.accused()) {
                    Map<Position, Long> n = m.cell(claimant.id(), accused.id());
                    if (!n.isEmpty()) {
                        cells.add(new Cell(claimant, accused, m.count(claimant.id(), accused.id()),
                                n.getOrDefault(Position.denied, 0L), n.getOrDefault(Position.confirmed, 0L),
                                n.getOrDefault(Position.partially_confirmed, 0L), n.getOrDefault(Position.unresolved, 0L),
                                n.getOrDefault(Position.withdrawn, 0L)));
                    }
                }
            }
            return ListDownload.of("who-accuses-whom", format, cells);
        }
        return Templates.accusations(m, OverviewPictures.matrix(m, f, "", OverviewPictures.MATRIX_ID, false), form(f),
                OverviewPictures.query(f));
    }

    /** The matrix as a file (image/svg+xml, an attachment, links absolute); bad filters are a problem document. */
    @GET
    @Path("accusations.svg")
    @Produces(SVG)
    public Response accusationsSvg(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("kind") String kind, @Context UriInfo uri) {
        return file(from, to, kind, "who-accuses-whom.svg",
                f -> OverviewPictures.matrix(accusations.matrix(f, MATRIX_LIMIT), f, base(uri), OverviewPictures.MATRIX_ID, true));
    }

    @GET
    @Path("map")
    public Object map(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("kind") String kind, @QueryParam("format") String format) {
        AccusationService.Filter f = filter(from, to, kind);
        List<AccusationService.MapIncident> incidents = accusations.incidents(f);
        if (format != null && !format.isBlank()) {
            return ListDownload.of("incident-map", format, incidents);
        }
        return Templates.map(incidents, OverviewPictures.map(incidents, f, "", false), form(f), OverviewPictures.query(f));
    }

    /** The map as a file (image/svg+xml, an attachment, links absolute); bad filters are a problem document. */
    @GET
    @Path("map.svg")
    @Produces(SVG)
    public Response mapSvg(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("kind") String kind, @Context UriInfo uri) {
        return file(from, to, kind, "incident-map.svg", f -> OverviewPictures.map(accusations.incidents(f), f, base(uri), true));
    }

    static AccusationService.Filter filter(String from, String to, String kind) {
        AccusationService.Filter f = new AccusationService.Filter(Params.optionalDate("from", from),
                Params.optionalDate("to", to), Params.optionalEnum("kind", kind, ClaimKind.class));
        Params.checkRange("from", f.from(), "to", f.to());
        return f;
    }

    private static Form form(AccusationService.Filter f) {
        return Form.empty().with("from", f.from()).with("to", f.to()).with("kind", f.kind() == null ? null : f.kind().name());
    }

    private static String base(UriInfo uri) {
        return uri.getBaseUri().toString().replaceAll("/+$", "");
    }

    /**
     * A picture as a file named {@code name}, drawn by {@code draw} for the filters: image/svg+xml, an
     * attachment; filters that do not parse are a problem document naming the field (not an HTML page).
     */
    private static Response file(String from, String to, String kind, String name,
            Function<AccusationService.Filter, String> draw) {
        AccusationService.Filter f;
        try {
            f = filter(from, to, kind);
        } catch (ApiProblem bad) {
            return Response.status(bad.status()).type(Problem.MEDIA_TYPE).entity(bad.toProblem()).build();
        }
        return Response.ok(draw.apply(f), SVG + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
