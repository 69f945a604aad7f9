package org.claimtracker.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reporting views the API exports. Names, descriptions and columns come from the database
 * (the views and their comments); this list adds only what the API needs to filter and order them.
 */
public final class ReportCatalog {

    private static final String PARTY = "r.party_id = ?";
    private static final String CLAIMANT_OR_ADDRESSED = "? in (r.claimant_id, r.addressed_party_id)";

    private static final Map<String, ReportDefinition> REPORTS = new LinkedHashMap<>();

    static {
        add(new ReportDefinition("claim_positions", PARTY, "the party holding the position", "claim_stated_on",
                false, "reporting.positions_as_of(?)", "r.claim_stated_on, r.claim_id, r.party_id"));
        add(new ReportDefinition("position_summary", PARTY, "the party", null,
                false, null, "lower(r.party_name), r.party_id"));
        add(new ReportDefinition("position_summary_by_month", PARTY, "the party", "claim_month",
                true, null, "r.claim_month, lower(r.party_name), r.party_id"));
        add(new ReportDefinition("unresolved_claims", "r.addressed_party_id = ?",
                "the addressed party, which leaves the claim unresolved", "claim_stated_on",
                false, null, "r.claim_stated_on, r.claim_id"));
        add(new ReportDefinition("response_latency", PARTY, "the responding party", "claim_stated_on",
                false, null, "r.claim_stated_on, r.claim_id, r.party_id"));
        add(new ReportDefinition("contested_incidents", claimantOrAddressedOfAClaimWithThe("incident_id"),
                "a claimant or blamed party of one of the incident's claims", "occurred_on",
                false, null, "r.occurred_on nulls last, r.incident_id"));
        add(new ReportDefinition("claim_sources", CLAIMANT_OR_ADDRESSED, "the claimant or the addressed party",
                "claim_stated_on", false, null, "r.claim_stated_on, r.claim_id"));
        add(new ReportDefinition("outlet_claims", null, null, null,
                false, null, "lower(r.outlet_name), r.outlet_id"));
        add(new ReportDefinition("claims", CLAIMANT_OR_ADDRESSED, "the claimant or the addressed party",
                "claim_stated_on", false, null, "r.claim_stated_on, r.claim_id"));
        add(new ReportDefinition("responses", PARTY, "the responding party", "stated_on",
                false, null, "r.stated_on, r.response_id"));
        add(new ReportDefinition("claim_source_articles", claimantOrAddressedOfAClaimWithThe("claim_id"),
                "the claimant or the addressed party of the claim", "article_published_on",
                false, null, "r.claim_id, r.article_published_on, r.article_id"));
        add(new ReportDefinition("parties", PARTY, "the party", null,
                false, null, "lower(r.party_name), r.party_id"));
        add(new ReportDefinition("events", "? in (r.actor1_id, r.actor2_id)",
                "actor 1 (the claimant) or actor 2 (the accused party)", "event_date",
                false, null, "r.event_date nulls last, r.event_id, r.claim_id"));
    }

    private ReportCatalog() {
    }

    /** The party is the claimant or the addressed party of a claim with the row's value in this column. */
    private static String claimantOrAddressedOfAClaimWithThe(String column) {
        return "exists (select 1 from reporting.claims c where c." + column + " = r." + column
                + " and ? in (c.claimant_id, c.addressed_party_id))";
    }

    private static void add(ReportDefinition definition) {
        REPORTS.put(definition.name(), definition);
    }

    public static List<ReportDefinition> all() {
        return List.copyOf(REPORTS.values());
    }

    public static Optional<ReportDefinition> find(String name) {
        return Optional.ofNullable(name == null ? null : REPORTS.get(name));
    }
}
