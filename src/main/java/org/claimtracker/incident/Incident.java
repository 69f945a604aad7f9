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

    public String ref;

    public String title;

    public LocalDate occurredOn;

    public LocalDate occurredUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision")
    public DatePrecision precision;

    public String place;

    public BigDecimal latitude;

    public BigDecimal longitude;

    public String description;

    /** A reference to the incident (null for none), by its title. */
    public static Ref ref(Incident incident) {
        return incident == null ? null : new Ref(incident.id, incident.title);
    }
}
