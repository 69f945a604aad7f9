package org.claimtracker.account;

import java.time.OffsetDateTime;
import org.jetbrains.annotations.Nullable;

/**
 * An API token as its owner sees it. {@code token} (the secret) is given once, when the token is
 * made, and never again; {@code parentId} names the token it was made with, if any.
 */
public record TokenView(long id, String name, String username, OffsetDateTime createdAt, OffsetDateTime expiresAt,
        @Nullable OffsetDateTime revokedAt, @Nullable Long parentId, @Nullable String token) {
}
