package org.claimtracker.outlet;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jetbrains.annotations.Nullable;

/** What a client may set on an outlet. */
public record OutletRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 253)
        @Pattern(regexp = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$",
                message = "must be a lower-case host name such as example.org")
        @Nullable String domain,
        @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as GB") @Nullable String country,
        @NotNull OutletKind kind,
        @Size(max = 4000) @Nullable String notes) {

    /** The request that would record the outlet as it stands (the base a merge patch applies to). */
    public static OutletRequest of(Outlet outlet) {
        return new OutletRequest(outlet.name, outlet.domain, outlet.country, outlet.kind,
                outlet.notes);
    }
}
