package org.claimtracker.incident;

import org.claimtracker.core.Ref;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.claimtracker.core.Audited;

@Entity
public class Incident extends Audited {

    @Column(length = 120)
    public String ref;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    @Column(name = "occurred_until")
    public LocalDate occurredUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision", nullable = false, length = 10)
    public DatePrecision precision;

    @Column(length = 300)
    public String place;

    @Column(precision = 9, scale = 6)
    public BigDecimal latitude;

    @Column(precision = 9, scale = 6)
    public BigDecimal longitude;

    @Column(columnDefinition = "text")
    public String description;

    /** A reference to the incident (null for none), by its title. */
    public static Ref ref(Incident incident) {
        return incident == null ? null : new Ref(incident.id, incident.title);
    }
}
