package org.claimtracker.account;

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
import org.claimtracker.web.Form;
import java.util.Map;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.web.Paging;
import org.claimtracker.core.Params;
import org.claimtracker.web.Redirects;
import org.claimtracker.web.Submission;

/** Account management, for admins: create accounts, change roles, disable, reset passwords. */
@Path("/admin/accounts")
@RolesAllowed(AccountRole.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AccountAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<AccountDetail> page, Paging paging, Form filter);

        static native TemplateInstance form(Form form, AccountDetail account);
    }

    @Inject
    AccountService accounts;

    @Inject
    Validator validator;

    @GET
    public Object list(@QueryParam("q") String q, @Context UriInfo uri) {
        String words = Params.optionalText("q", q, 100);
        return Paging.list(Templates::list, p -> accounts.list(words, p), uri, "q");
    }

    @GET
    @Path("new")
    public TemplateInstance createForm() {
        return Templates.form(Form.empty().with("role", AccountRole.analyst).with("enabled", true), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> params) {
        Form form = Form.of(params);
        AccountRequest request = request(form);
        Response done = Submission.create(form, validator, request, () -> {
            accounts.create(request);
            return Redirects.to("/admin/accounts", "created");
        });
        return Submission.orShow(done, 422, () -> Templates.form(form.clear("password"), null));
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("id") long id) {
        AccountDetail a = accounts.get(id);
        Form form = formOf(a);
        return Templates.form(form, a);
    }

    /** The form as the stored record fills it. */
    private static Form formOf(AccountDetail a) {
        return Form.filled(a, AccountRequest.class);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> params) {
        AccountDetail current = accounts.get(id);
        Form form = Form.of(params).with("username", current.username());
        AccountRequest request = request(form);
        Response done = Submission.save(form, validator, request, () -> {
            accounts.update(id, request);
            return Redirects.to("/admin/accounts", "updated");
        }, () -> formOf(accounts.get(id)));
        return Submission.orShow(done, 422, () -> Templates.form(form.clear("password"), current));
    }

    private static AccountRequest request(Form form) {
        String password = form.value("password").isEmpty() ? null : form.value("password");
        return form.read(AccountRequest.class, Map.of("password", () -> password, "version", () -> form.id("version")));
    }
}
