package org.claimtracker.report;

import org.claimtracker.api.DataTypes;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimtracker.account.AccountRole;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Params;
import org.claimtracker.party.PartyDetail;
import org.claimtracker.party.PartyService;
import org.claimtracker.web.Form;

/**
 * The reports page of the admin pages: every reporting view with its columns, and its rows as CSV or
 * JSON for the logged-in analyst (the same export as {@code GET /api/reports/{name}}, which takes a
 * bearer token), filtered by party, dates and as-of date where the report allows it.
 */
@Path("/admin/reports")
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class ReportAdminResource {

    /** A report as the page lists it, with its download links for the filters given. */
    public record Listed(ReportInfo info, String csv, String json, List<String> ignored) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(List<Listed> reports, Form filter, PartyDetail party);
    }

    @Inject
    ReportService service;

    @Inject
    ReportDownloads downloads;

    @Inject
    PartyService parties;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance reports(@QueryParam("partyId") String partyId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("asOf") String asOf) {
        Long party = Params.optionalId("partyId", partyId);
        LocalDate start = Params.optionalDate("from", from);
        LocalDate end = Params.optionalDate("to", to);
        LocalDate date = Params.optionalDate("asOf", asOf);
        Params.checkRange("from", start, "to", end);
        PartyDetail named = party == null ? null : parties.get(party);
        List<Listed> listed = new ArrayList<>();
        for (ReportInfo info : service.list()) {
            // Each report's links carry the filters it takes; the page says which it leaves out.
            StringBuilder query = new StringBuilder();
            List<String> ignored = new ArrayList<>();
            add(query, ignored, "partyId", party, info.partyFilter() != null);
            add(query, ignored, "from", start, info.dateColumn() != null);
            add(query, ignored, "to", end, info.dateColumn() != null);
            add(query, ignored, "asOf", date, info.asOf());
            String base = "/admin/reports/" + info.name() + "?format=";
            listed.add(new Listed(info, base + "csv" + query, base + "json" + query, ignored));
        }
        Form filter = Form.empty().with("partyId", partyId).with("from", from).with("to", to).with("asOf", asOf);
        return Templates.reports(listed, filter, named);
    }

    private static void add(StringBuilder query, List<String> ignored, String name, Object value, boolean taken) {
        if (value == null) {
            return;
        }
        if (taken) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        } else {
            ignored.add(name);
        }
    }

    /** The report's rows as a file (CSV by default here, as a spreadsheet user expects). */
    @GET
    @Path("{name}")
    @Produces({MediaType.APPLICATION_JSON, DataTypes.CSV, MediaType.TEXT_HTML})
    public Response download(@PathParam("name") String name, @QueryParam("format") String format,
            @QueryParam("partyId") String partyId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf) throws IOException {
        ReportDefinition report = ReportCatalog.find(name).orElseThrow(() -> new ApiProblem(404, "Not found", null,
                "No report named '" + (name.length() > 60 ? name.substring(0, 60) + "..." : name) + "'", null));
        ReportFormat chosen = Params.optionalEnum("format", format, ReportFormat.class);
        ReportQuery query = ReportQuery.of(report, Params.optionalId("partyId", partyId), Params.optionalDate("from", from),
                Params.optionalDate("to", to), Params.optionalDate("asOf", asOf));
        return downloads.send(report, query, chosen == null ? ReportFormat.csv : chosen, identity.getPrincipal().getName(),
                true);
    }
}
