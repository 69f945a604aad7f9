package org.claimtracker.outlet;

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
        Long version) {
}
