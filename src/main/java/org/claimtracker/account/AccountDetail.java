package org.claimtracker.account;

import org.claimtracker.core.Versioned;
import org.claimtracker.core.AuditInfo;

/** An account as admins see it: never its password hash. */
public record AccountDetail(long id, String username, String displayName, AccountRole role, boolean enabled,
        long version, AuditInfo audit) implements Versioned {
    public static AccountDetail of(Account a) {
        return new AccountDetail(a.id, a.username, a.displayName, a.role, a.enabled, a.getVersion(), a.audit());
    }
}
