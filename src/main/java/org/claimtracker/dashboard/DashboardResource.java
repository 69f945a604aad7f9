package org.claimtracker.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.claimtracker.account.AccountRole;
import org.claimtracker.claim.ClaimService;
import org.claimtracker.claim.ClaimSummary;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Params;
import org.claimtracker.position.PartyCounts;
import org.claimtracker.position.PositionService;
import org.claimtracker.position.UnresolvedClaim;

/** The analysts' start page: what came in lately, what is still open, who stands where. */
@Path("/admin")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Page<ClaimSummary> recent, Page<UnresolvedClaim> unresolved,
                List<PartyCounts> parties, boolean commentary);
    }

    @Inject
    ClaimService claims;

    @Inject
    PositionService positions;

    @GET
    public TemplateInstance dashboard(@QueryParam("commentary") String commentary) {
        boolean withCommentary = Params.optionalFlag("commentary", commentary);
        return Templates.dashboard(
                claims.list(ClaimService.ListFilter.none(), new PageParams(0, 10)),
                positions.unresolved(withCommentary, new PageParams(0, 10)),
                positions.busiestParties(withCommentary, 15), withCommentary);
    }
}
