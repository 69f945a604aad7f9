package org.claimtracker.incident;

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
import java.util.List;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Problem;
import org.claimtracker.picture.TimelineChart;
import jakarta.ws.rs.core.UriInfo;
import org.claimtracker.account.AccountRole;
import org.claimtracker.web.Form;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.web.Paging;
import org.claimtracker.core.Params;

/** Incidents, and the incident page: one timeline of every claim and response about it, with sources. */
@Path("/admin/incidents")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class IncidentAdminResource extends AdminRecordPages<IncidentDetail, IncidentRequest> {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<IncidentSummary> page, Paging paging, Form filter);

        static native TemplateInstance show(IncidentDetail incident, String picture);

        static native TemplateInstance form(Form form, IncidentDetail incident);
    }

    @Inject
    IncidentService incidents;

    @GET
    public Object list(@QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context UriInfo uri) {
        IncidentService.ListFilter filter = new IncidentService.ListFilter(null, Params.optionalText("q", q, 200),
                Params.optionalDate("from", from), Params.optionalDate("to", to), null);
        return Paging.list(Templates::list, p -> incidents.list(filter, p), uri, "q", "from", "to");
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        IncidentDetail incident = incidents.get(id);
        return Templates.show(incident, IncidentTimeline.svg(incident, "", false));
    }

    /**
     * The timeline picture as a file to keep (image/svg+xml, as an attachment), its links absolute.
     * An unknown incident is a problem document (404), as the API answers, since what asks for a
     * file wants to be told why there is none, not shown a page.
     */
    @GET
    @Path("{id}/timeline.svg")
    @Produces(SVG)
    public Response timelineSvg(@PathParam("id") long id, @Context UriInfo uri) {
        IncidentDetail incident;
        try {
            incident = incidents.get(id);
        } catch (ApiProblem notFound) {
            return Response.status(notFound.status()).type(Problem.MEDIA_TYPE).entity(notFound.toProblem()).build();
        }
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        String svg = IncidentTimeline.svg(incident, base, true);
        if (svg.isEmpty()) {
            svg = TimelineChart.render(IncidentTimeline.ID, "Timeline of " + incident.title(),
                    "No claims are recorded about this incident yet.", List.of(), List.of(), true);
        }
        return Response.ok(svg, SVG + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"incident-" + id + "-timeline.svg\"")
                .build();
    }

    static final String SVG = "image/svg+xml";

    @GET
    @Path("new")
    @RolesAllowed(AccountRole.ANALYST)
    public TemplateInstance createForm() {
        return Templates.form(Form.empty(), null);
    }

    /** The edit, save, confirm-delete and delete pages of this kind of record (AdminRecordPages). */
    @Override
    protected AdminCrud<IncidentDetail, IncidentRequest> describe() {
        return record("incident", "/admin/incidents")
                .reads(incidents::get, IncidentDetail::title)
                .form(stored -> Form.filled(stored, IncidentRequest.class), form -> form.read(IncidentRequest.class), Templates::form)
                .writes(request -> incidents.get(incidents.create(request).id()), incidents::update, incidents::delete)
                .suggesting(incidents::suggest);
    }
}
