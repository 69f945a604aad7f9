package org.claimtracker.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * An API token as its owner sees it. {@code token} (the secret) is given once, when the token is
 * made, and never again; {@code parentId} names the token it was made with, if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(long id, String name, String username, OffsetDateTime createdAt, OffsetDateTime expiresAt,
        OffsetDateTime revokedAt, Long parentId, String token) {
}
