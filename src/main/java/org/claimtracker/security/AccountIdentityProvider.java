package org.claimtracker.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimtracker.account.Account;
import org.claimtracker.account.Sessions;
import org.claimtracker.account.Identities;

/** Checks the login form's username and password against the account table. */
@ApplicationScoped
public class AccountIdentityProvider extends TypedIdentityProvider<UsernamePasswordAuthenticationRequest> {

    public AccountIdentityProvider() {
        super(UsernamePasswordAuthenticationRequest.class);
    }

    @Inject
    PasswordCheck passwords;

    @Inject
    Sessions sessions;

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String password = new String(request.getPassword().getPassword());
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = addressOf(routing);
        return context.runBlocking(() -> {
            Account account = passwords.check(request.getUsername(), password, address);
            if (routing != null) {
                sessions.stamp(routing, account.username);
            }
            return Identities.of(account);
        });
    }

    static String addressOf(RoutingContext routing) {
        if (routing == null || routing.request().remoteAddress() == null) {
            return "unknown";
        }
        return routing.request().remoteAddress().hostAddress();
    }

}
