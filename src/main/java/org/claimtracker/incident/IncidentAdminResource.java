package org.claimtracker.incident;

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
import org.claimtracker.common.Form;
import org.claimtracker.common.Page;
import org.claimtracker.common.PageParams;
import org.claimtracker.common.Paging;
import org.claimtracker.common.Params;
import org.claimtracker.common.Redirects;
import org.claimtracker.common.SharedTemplates;
import org.claimtracker.common.Submission;
import org.claimtracker.common.Suggestion;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Incidents, and the incident page: one timeline of every claim and response about it, with sources. */
@Path("/admin/incidents")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class IncidentAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<IncidentView> page, Paging paging, Form filter);

        static native TemplateInstance show(IncidentDetail incident);

        static native TemplateInstance form(Form form, IncidentDetail incident);
    }

    @Inject
    IncidentService incidents;

    @Inject
    Validator validator;

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") String page, @Context UriInfo uri) {
        Page<IncidentView> result = incidents.list(new IncidentService.ListFilter(null, Params.optionalText("q", q, 200),
                Params.optionalDate("from", from), Params.optionalDate("to", to), null), PageParams.of(page, "50"));
        return Templates.list(result, Paging.of(result, uri), Form.empty().with("q", q).with("from", from).with("to", to));
    }

    @GET
    @Path("suggest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public List<Suggestion> suggest(@QueryParam("q") String q) {
        return incidents.suggest(Params.optionalText("q", q, 200), 15);
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance show(@PathParam("id") long id) {
        return Templates.show(incidents.get(id));
    }

    @GET
    @Path("new")
    @RolesAllowed(AccountRole.ANALYST)
    @Operation(hidden = true)
    public TemplateInstance createForm() {
        return Templates.form(Form.empty(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(AccountRole.ANALYST)
    @Operation(hidden = true)
    public Response create(MultivaluedMap<String, String> params) {
        Form form = Form.of(params);
        IncidentRequest request = request(form);
        Response done = Submission.run(form, validator, request,
                () -> Redirects.to("/admin/incidents/" + incidents.create(request).id(), "created"), null);
        return Submission.orShow(done, 422, () -> Templates.form(form, null));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(AccountRole.ANALYST)
    @Operation(hidden = true)
    public TemplateInstance editForm(@PathParam("id") long id) {
        IncidentDetail i = incidents.get(id);
        Form form = formOf(i);
        return Templates.form(form, i);
    }

    /** The form as the stored record fills it. */
    private static Form formOf(IncidentDetail i) {
        Form form = Form.empty().with("ref", i.ref()).with("title", i.title()).with("occurredOn", i.occurredOn())
                .with("occurredUntil", i.occurredUntil()).with("precision", i.precision()).with("place", i.place())
                .with("latitude", i.latitude()).with("longitude", i.longitude()).with("description", i.description())
                .with("version", i.version());
        return form;
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(AccountRole.ANALYST)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> params) {
        IncidentDetail current = incidents.get(id);
        Form form = Form.of(params);
        IncidentRequest request = request(form);
        Response done = Submission.run(form, validator, request, () -> {
            incidents.update(id, form.id("version"), request);
            return Redirects.to("/admin/incidents/" + id, "updated");
        }, () -> formOf(incidents.get(id)));
        return Submission.orShow(done, 422, () -> Templates.form(form, current));
    }

    @GET
    @Path("{id}/delete")
    @RolesAllowed(AccountRole.ANALYST)
    @Operation(hidden = true)
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        IncidentDetail i = incidents.get(id);
        return SharedTemplates.confirmDelete("incident", i.title(), "/admin/incidents/" + id + "/delete",
                "/admin/incidents/" + id, "", i.version());
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(AccountRole.ANALYST)
    @Operation(hidden = true)
    public Response delete(@PathParam("id") long id, MultivaluedMap<String, String> params) {
        IncidentDetail i = incidents.get(id);
        Form form = Form.of(params);
        Response done = Submission.run(form, null, null, () -> {
            incidents.delete(id, form.id("version"));
            return Redirects.to("/admin/incidents", "deleted");
        }, null);
        return Submission.orShow(done, 409, () -> SharedTemplates.confirmDelete("incident", i.title(),
                "/admin/incidents/" + id + "/delete", "/admin/incidents/" + id, String.join(" ", form.messages()), i.version()));
    }

    private static IncidentRequest request(Form form) {
        return new IncidentRequest(form.text("ref"), form.text("title"), form.date("occurredOn"),
                form.date("occurredUntil"), form.choice("precision", DatePrecision.class), form.text("place"),
                form.decimal("latitude"), form.decimal("longitude"), form.text("description"));
    }
}
