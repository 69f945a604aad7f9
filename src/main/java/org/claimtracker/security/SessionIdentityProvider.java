package org.claimtracker.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimtracker.core.Actors;
import org.claimtracker.core.Failures;
import org.claimtracker.account.Account;
import org.claimtracker.account.Identities;
import org.claimtracker.account.Sessions;

/**
 * Rebuilds the identity of a logged-in admin user from the session cookie on every request, so a
 * disabled account or a changed role takes effect at once, and a session that was ended (logout, new
 * password, disabled) or has outlived its absolute lifetime is refused (see {@link Sessions}).
 */
@ApplicationScoped
public class SessionIdentityProvider extends TypedIdentityProvider<TrustedAuthenticationRequest> {

    public SessionIdentityProvider() {
        super(TrustedAuthenticationRequest.class);
    }

    @Inject
    Sessions sessions;

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getPrincipal();
        Long loginTime = sessions.loginTime(HttpSecurityUtils.getRoutingContextAttribute(request), username);
        if (loginTime == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("no login time, or past the session's lifetime"));
        }
        return context.runBlocking(() -> {
            Account account = Actors.runAs(Identities.AUTHENTICATING, () -> sessions.sessionAccount(username, loginTime));
            if (account == null) {
                throw new AuthenticationFailedException("the account is gone or disabled, or its sessions were ended");
            }
            return Identities.of(account);
        }).onFailure(Failures::databaseUnavailable).transform(e -> new AuthenticationFailedException(e.getMessage(), e));
    }
}
