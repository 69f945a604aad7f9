package org.claimtracker.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Logging in for an API token: the account's credentials, a name for the token, its lifetime. */
public record TokenRequest(
        @NotBlank @Size(max = 64) String username,
        @NotBlank @Size(max = 200) String password,
        @Size(max = 100) String name,
        @Min(1) @Max(365) Integer days) {
}
