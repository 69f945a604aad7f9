package org.claimtracker.incident;

import org.claimtracker.common.Versioned;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.claimtracker.common.AuditInfo;

public record IncidentView(long id, String ref, String title, LocalDate occurredOn, LocalDate occurredUntil,
        DatePrecision precision, String place, BigDecimal latitude, BigDecimal longitude, String description,
        long claimCount, long version, AuditInfo audit) implements Versioned {
}
