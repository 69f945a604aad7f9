package org.claimtracker.incident;

import org.claimtracker.web.AdminCrud;
import org.claimtracker.web.AdminRecordPages;
import jakarta.annotation.PostConstruct;
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
import java.util.List;
import org.claimtracker.account.AccountRole;
import org.claimtracker.web.Form;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.web.Paging;
import org.claimtracker.core.Params;
import org.claimtracker.web.Redirects;
import org.claimtracker.web.Submission;
import org.claimtracker.core.Suggestion;

/** Incidents, and the incident page: one timeline of every claim and response about it, with sources. */
@Path("/admin/incidents")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class IncidentAdminResource extends AdminRecordPages<IncidentDetail, IncidentRequest> {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<IncidentSummary> page, Paging paging, Form filter);

        static native TemplateInstance show(IncidentDetail incident);

        static native TemplateInstance form(Form form, IncidentDetail incident);
    }

    @Inject
    IncidentService incidents;

    @Inject
    Validator validator;

    /** The edit, save, confirm-delete and delete pages of this kind of record (AdminRecordPages). */
    @PostConstruct
    void describe() {
        crud = AdminCrud.<IncidentDetail, IncidentRequest>of("incident", "/admin/incidents", validator)
                .reads(incidents::get, IncidentDetail::title)
                .form(IncidentAdminResource::formOf, IncidentAdminResource::request, Templates::form)
                .writes(incidents::update, incidents::delete);
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") String page, @Context UriInfo uri) {
        Page<IncidentSummary> result = incidents.list(new IncidentService.ListFilter(null, Params.optionalText("q", q, 200),
                Params.optionalDate("from", from), Params.optionalDate("to", to), null), PageParams.of(page, "50"));
        return Templates.list(result, Paging.of(result, uri), Form.empty().with("q", q).with("from", from).with("to", to));
    }

    @GET
    @Path("suggest")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Suggestion> suggest(@QueryParam("q") String q) {
        return incidents.suggest(Params.optionalText("q", q, 200), 15);
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return Templates.show(incidents.get(id));
    }

    @GET
    @Path("new")
    @RolesAllowed(AccountRole.ANALYST)
    public TemplateInstance createForm() {
        return Templates.form(Form.empty(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(AccountRole.ANALYST)
    public Response create(MultivaluedMap<String, String> params) {
        Form form = Form.of(params);
        IncidentRequest request = request(form);
        Response done = Submission.create(form, validator, request,
                () -> Redirects.to("/admin/incidents/" + incidents.create(request).id(), "created"));
        return Submission.orShow(done, 422, () -> Templates.form(form, null));
    }

    /** The form as the stored record fills it. */
    private static Form formOf(IncidentDetail i) {
        Form form = Form.empty().with("ref", i.ref()).with("title", i.title()).with("occurredOn", i.occurredOn())
                .with("occurredUntil", i.occurredUntil()).with("precision", i.precision()).with("place", i.place())
                .with("latitude", i.latitude()).with("longitude", i.longitude()).with("description", i.description())
                .with("version", i.version());
        return form;
    }

    private static IncidentRequest request(Form form) {
        return new IncidentRequest(form.text("ref"), form.text("title"), form.date("occurredOn"),
                form.date("occurredUntil"), form.choice("precision", DatePrecision.class), form.text("place"),
                form.decimal("latitude"), form.decimal("longitude"), form.text("description"));
    }
}
