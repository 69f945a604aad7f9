package org.claimtracker.incident;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jetbrains.annotations.Nullable;
import org.claimtracker.core.Refs;

/**
 * What a client may set on an incident. Without a precision, it follows from the dates: none
 * means unknown, an end date means range, otherwise day.
 */
public record IncidentRequest(
        @Size(max = Refs.MAX_LENGTH) @Pattern(regexp = Refs.PATTERN, message = Refs.HINT) @Nullable String ref,
        @NotBlank @Size(max = 300) String title,
        @Nullable LocalDate occurredOn,
        @Nullable LocalDate occurredUntil,
        @Nullable DatePrecision precision,
        @Size(max = 300) @Nullable String place,
        @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 6) @Nullable BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6) @Nullable BigDecimal longitude,
        @Size(max = 10000) @Nullable String description) {

    /** The request that would record the incident as it stands (the base a merge patch applies to). */
    public static IncidentRequest of(Incident incident) {
        return new IncidentRequest(incident.ref, incident.title, incident.occurredOn,
                incident.occurredUntil, incident.precision, incident.place, incident.latitude,
                incident.longitude, incident.description);
    }
}
