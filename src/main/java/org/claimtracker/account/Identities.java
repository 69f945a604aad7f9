package org.claimtracker.account;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Who an account is to the security layer: its name, the roles its role grants, and the role itself. */
public final class Identities {

    /** The actor named while a login or a token is checked (the identity it would need is what is being made). */
    public static final String AUTHENTICATING = "authentication";

    private Identities() {
    }

    public static SecurityIdentity of(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username))
                .addRoles(account.role.grants())
                .addAttribute("role", account.role.name())
                .build();
    }
}
