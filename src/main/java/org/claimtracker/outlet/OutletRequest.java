package org.claimtracker.outlet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a client may set on an outlet. */
public record OutletRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 253)
        @Pattern(regexp = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$",
                message = "must be a lower-case host name such as example.org")
        String domain,
        @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as GB") String country,
        @NotNull OutletKind kind,
        @Size(max = 4000) String notes,
        @Schema(hidden = true, description = "Ignored by the API, which takes the version from If-Match") Long version) {

    /** The same request, made against the given version of the record. */
    public OutletRequest withVersion(Long expected) {
        return new OutletRequest(name, domain, country, kind, notes, expected);
    }
}
