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
    public static IncidentDetail of(Incident i, List<ClaimSummary> claims, List<TimelineEntry> timeline) {
        return new IncidentDetail(i.id, i.ref, i.title, i.occurredOn, i.occurredUntil, i.precision, i.place,
                i.latitude, i.longitude, i.description, claims, timeline, i.getVersion(), i.audit());
    }
}
