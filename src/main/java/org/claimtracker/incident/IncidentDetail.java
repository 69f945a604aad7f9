package org.claimtracker.incident;

import org.claimtracker.core.Versioned;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.claim.ClaimSummary;
import org.claimtracker.core.AuditInfo;
import org.jetbrains.annotations.Nullable;

/** An incident with its claims and the story of every claim and response about it, in date order. */
public record IncidentDetail(long id, @Nullable String ref, String title, @Nullable LocalDate occurredOn, @Nullable LocalDate occurredUntil,
        DatePrecision precision, @Nullable String place, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude, @Nullable String description,
        List<ClaimSummary> claims, List<TimelineEntry> timeline, long version, AuditInfo audit) implements Versioned {
}
