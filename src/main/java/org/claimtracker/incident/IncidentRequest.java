package org.claimtracker.incident;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jetbrains.annotations.Nullable;

/**
 * What a client may set on an incident. Without a precision, it follows from the dates: none
 * means unknown, an end date means range, otherwise day.
 */
public record IncidentRequest(
        @Size(max = 120) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._:/-]*$",
                message = "must be letters, digits and . _ : / - (starting with a letter or digit)") @Nullable String ref,
        @NotBlank @Size(max = 300) String title,
        @Nullable LocalDate occurredOn,
        @Nullable LocalDate occurredUntil,
        @Nullable DatePrecision precision,
        @Size(max = 300) @Nullable String place,
        @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 6) @Nullable BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6) @Nullable BigDecimal longitude,
        @Size(max = 10000) @Nullable String description,
        @Schema(hidden = true, description = "Ignored by the API, which takes the version from If-Match") Long version) {

    /** The request that would record the incident as it stands (the base a merge patch applies to). */
    public static IncidentRequest of(Incident incident) {
        return new IncidentRequest(incident.getRef(), incident.getTitle(), incident.getOccurredOn(),
                incident.getOccurredUntil(), incident.getPrecision(), incident.getPlace(), incident.getLatitude(),
                incident.getLongitude(), incident.getDescription(), null);
    }

    /** The same request, made against the given version of the record. */
    public IncidentRequest withVersion(Long expected) {
        return new IncidentRequest(ref, title, occurredOn, occurredUntil, precision, place, latitude, longitude, description, expected);
    }
}
