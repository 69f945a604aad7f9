package org.claimtracker.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimtracker.common.Actors;

/**
 * Rebuilds the identity of a logged-in admin user from the session cookie on every request, so a
 * disabled account or a changed role takes effect at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    AccountService accounts;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Account account = Actors.runAs(PasswordCheck.AUTHENTICATING,
                    () -> accounts.findEnabled(request.getPrincipal()));
            if (account == null) {
                throw new AuthenticationFailedException("the account is gone or disabled");
            }
            return AccountIdentityProvider.identity(account);
        });
    }
}
