package org.claimtracker.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.claimtracker.account.AccountRole;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.web.Form;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.web.Paging;
import org.claimtracker.core.Params;

/** The audit trail in the admin pages: recent changes, and the history of one record. */
@Path("/admin/history")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class AuditAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance recent(Page<HistoryEntry> page, Paging paging, Form filter);

        static native TemplateInstance record(String table, long id, String back, Page<HistoryEntry> page, Paging paging);
    }

    @Inject
    AuditService audit;

    @Inject
    SecurityIdentity identity;

    @GET
    public Object recent(@QueryParam("actor") String actor, @QueryParam("table") String table, @Context UriInfo uri) {
        String who = Params.optionalText("actor", actor, 100);
        String which = Params.optionalText("table", table, 40);
        boolean everything = identity.hasRole(AccountRole.ADMIN);
        return Paging.list(Templates::recent, p -> audit.recent(who, which, everything, p), uri, "actor", "table");
    }

    @GET
    @Path("{table}/{id}")
    public TemplateInstance record(@PathParam("table") String table, @PathParam("id") long id,
            @QueryParam("page") String page, @Context UriInfo uri) {
        if (!AuditService.RECORDS.contains(table) || table.equals("account") && !identity.hasRole(AccountRole.ADMIN)) {
            throw ApiProblem.notFound("kind of record '" + table + "'", id);
        }
        Page<HistoryEntry> result = audit.historyOf(table, id, PageParams.of(page, "50"));
        String back = table.equals("account") ? "/admin/accounts/" + id + "/edit" : "/admin/" + plural(table) + "/" + id;
        return Templates.record(table, id, back, result, Paging.of(result, uri));
    }

    private static String plural(String table) {
        return table.equals("party") ? "parties" : table + "s";
    }
}
