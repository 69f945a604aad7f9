package org.claimtracker.seed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.incident.DatePrecision;
import org.claimtracker.outlet.OutletKind;
import org.claimtracker.party.PartyKind;

/** The shapes of the seed files (see seeds/README.md). Records refer to each other by name, key or ref. */
final class SeedFiles {

    private SeedFiles() {
    }

    record Outlet(String name, String domain, String country, OutletKind kind, String notes) {
    }

    record Membership(String group, LocalDate from, LocalDate to, String role, String note) {
    }

    record Party(String name, PartyKind kind, List<String> aliases, String parent, String description,
            List<Membership> memberships) {
    }

    record Article(String key, String outlet, String title, List<String> authors, LocalDate publishedOn, String url,
            String language, String republishedFrom, String notes) {
    }

    record Incident(String ref, String title, LocalDate occurredOn, LocalDate occurredUntil, DatePrecision precision,
            String place, BigDecimal latitude, BigDecimal longitude, String description) {
    }

    record Quote(String article, String quote, Integer occurrence, Integer start) {
    }

    /**
     * A response's links to other records, by name and ref. Its other fields (stance, statedOn,
     * note, and any added later) are the API request's, under the same names.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResponseLinks(String ref, String party, String speaker, Quote source, String counterClaim) {

        static final List<String> FIELDS = List.of("party", "speaker", "source", "counterClaim");
    }

    /**
     * A claim's links to other records, by name, key and ref, and its responses. Its other fields
     * (proposition, kind, statedOn, casualties, grading, and any added later) are the API request's,
     * under the same names.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClaimLinks(String ref, String claimant, String speaker, String addressed, String incident, List<Quote> sources,
            List<ObjectNode> responses) {

        static final List<String> FIELDS = List.of("claimant", "speaker", "addressed", "incident", "sources", "responses");
    }
}
