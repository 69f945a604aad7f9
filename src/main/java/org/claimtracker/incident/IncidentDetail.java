package org.claimtracker.incident;

import org.claimtracker.common.Versioned;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.claim.ClaimSummary;
import org.claimtracker.common.AuditInfo;

/** An incident with its claims and the story of every claim and response about it, in date order. */
public record IncidentDetail(long id, String ref, String title, LocalDate occurredOn, LocalDate occurredUntil,
        DatePrecision precision, String place, BigDecimal latitude, BigDecimal longitude, String description,
        List<ClaimSummary> claims, List<TimelineEntry> timeline, long version, AuditInfo audit) implements Versioned {
}
