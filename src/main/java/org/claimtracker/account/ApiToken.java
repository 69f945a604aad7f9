package org.claimtracker.account;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.claimtracker.core.Audited;

/** A bearer token of one account, stored as its SHA-256 hash. */
@Entity
@Table(name = "api_token")
public class ApiToken extends Audited {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Account account;

    public String name;

    public String tokenHash;

    public OffsetDateTime expiresAt;

    public OffsetDateTime revokedAt;

    /** The token this one was made with (POST /api/tokens); null when made in the admin pages or on the command line. */
    public Long parentId;

    protected ApiToken() {
    }

    public ApiToken(Account account, String name, String tokenHash, OffsetDateTime expiresAt, Long parentId) {
        this.account = account;
        this.name = name;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.parentId = parentId;
    }

    public void revoke() {
        revokedAt = OffsetDateTime.now();
    }

    public boolean isUsable() {
        return revokedAt == null && expiresAt.isAfter(OffsetDateTime.now()) && account.enabled;
    }
}
