package org.claimtracker.annotation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimtracker.account.AccountRole;
import org.claimtracker.web.Redirects;

/** The reader's button that dismisses a quote candidate (a passage imported from an annotation tool). */
@Path("/admin/annotation-candidates")
@RolesAllowed(AccountRole.ANALYST)
public class CandidateAdminResource {

    @Inject
    CandidateService candidates;

    @POST
    @Path("{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@PathParam("id") long id) {
        long article = candidates.dismiss(id);
        return Redirects.to("/admin/articles/" + article, "deleted");
    }
}
