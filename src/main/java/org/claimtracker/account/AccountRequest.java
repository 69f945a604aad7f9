package org.claimtracker.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account as an admin sets it. The password is required when creating and, when editing,
 * replaces the old one only if given.
 */
public record AccountRequest(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,63}$",
                message = "must be 2 to 64 lower-case letters, digits, dots, dashes or underscores") String username,
        @Size(max = 200) String displayName,
        @Size(min = Passwords.MIN_LENGTH, max = 200, message = "must be at least 8 characters") String password,
        @NotNull AccountRole role,
        boolean enabled,
        Long version) {
}
