package org.claimtracker.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import org.claimtracker.common.Actors;

/** Checks a username and password (form login and HTTP Basic) against the account table. */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The actor named while a login is checked (the identity it would need is what is being made). */
    static final String AUTHENTICATING = "authentication";

    @Inject
    AccountService accounts;

    @Inject
    VerifiedCredentials verified;

    @Inject
    LoginThrottle throttle;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername() == null ? "" : request.getUsername().strip().toLowerCase(java.util.Locale.ROOT);
        String password = new String(request.getPassword().getPassword());
        SecurityIdentity known = verified.lookup(username, password);
        if (known != null) {
            throttle.succeeded(username);
            return Uni.createFrom().item(known);
        }
        String address = addressOf(request);
        long wait = throttle.waitSeconds(username, address);
        if (wait > 0) {
            return Uni.createFrom().failure(LoginThrottle.refusal(wait));
        }
        return context.runBlocking(() -> {
            // While a login is being checked there is no identity yet: the lookup acts as "authentication".
            Account account = Actors.runAs(AUTHENTICATING, () -> accounts.findEnabled(username));
            if (account == null) {
                Passwords.matches(password, Passwords.DECOY_HASH);
                throttle.failed(username, address);
                throw new AuthenticationFailedException("unknown or disabled account");
            }
            if (!Passwords.matches(password, account.getPasswordHash())) {
                throttle.failed(username, address);
                throw new AuthenticationFailedException("wrong password");
            }
            throttle.succeeded(username);
            SecurityIdentity identity = identity(account);
            verified.remember(username, password, identity);
            return identity;
        });
    }

    private static String addressOf(UsernamePasswordAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null || routing.request().remoteAddress() == null) {
            return "unknown";
        }
        return routing.request().remoteAddress().hostAddress();
    }

    static SecurityIdentity identity(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.getUsername()))
                .addRoles(account.getRole().grants())
                .addAttribute("role", account.getRole().name())
                .build();
    }
}
