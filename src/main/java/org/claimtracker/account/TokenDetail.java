package org.claimtracker.account;

import java.time.OffsetDateTime;
import org.jetbrains.annotations.Nullable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An API token as its owner sees it. {@code token} (the secret) is given once, when the token is
 * made, and never again; {@code parentId} names the token it was made with, if any.
 */
@Schema(name = "TokenView")
public record TokenDetail(long id, String name, String username, OffsetDateTime createdAt, OffsetDateTime expiresAt,
        @Nullable OffsetDateTime revokedAt, @Nullable Long parentId, @Nullable String token) {
    /** The token as its owner sees it; {@code secret} only when it has just been made. */
    public static TokenDetail of(ApiToken t, String secret) {
        return new TokenDetail(t.id, t.name, t.account.username, t.audit().createdAt(), t.expiresAt, t.revokedAt,
                t.parentId, secret);
    }
}
