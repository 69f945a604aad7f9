package org.claimtracker.incident;

import org.claimtracker.core.Versioned;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.claimtracker.core.AuditInfo;
import org.jetbrains.annotations.Nullable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IncidentView")
public record IncidentSummary(long id, @Nullable String ref, String title, @Nullable LocalDate occurredOn, @Nullable LocalDate occurredUntil,
        DatePrecision precision, @Nullable String place, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude, @Nullable String description,
        long claimCount, long version, AuditInfo audit) implements Versioned {
    public static IncidentSummary of(Incident i, long claimCount) {
        return new IncidentSummary(i.id, i.ref, i.title, i.occurredOn, i.occurredUntil, i.precision, i.place,
                i.latitude, i.longitude, i.description, claimCount, i.getVersion(), i.audit());
    }
}
