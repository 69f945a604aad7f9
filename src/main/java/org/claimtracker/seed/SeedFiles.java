package org.claimtracker.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.claim.Grading;
import org.claimtracker.incident.DatePrecision;
import org.claimtracker.outlet.OutletKind;
import org.claimtracker.party.PartyKind;
import org.claimtracker.response.Stance;

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

    record Response(String ref, String party, String speaker, Stance stance, LocalDate statedOn, Quote source,
            String counterClaim, String note) {
    }

    record Claim(String ref, String claimant, String speaker, String addressed, ClaimKind kind, String proposition,
            LocalDate statedOn, String incident, Integer casualtiesLow, Integer casualtiesHigh, Grading grading,
            String gradingNote, List<Quote> sources, List<Response> responses) {
    }
}
