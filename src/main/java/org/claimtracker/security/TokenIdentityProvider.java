package org.claimtracker.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimtracker.account.TokenService;
import org.claimtracker.account.VerifiedTokens;

/** Turns a bearer token into the identity of its account. */
@ApplicationScoped
public class TokenIdentityProvider extends TypedIdentityProvider<TokenAuthenticationRequest> {

    public TokenIdentityProvider() {
        super(TokenAuthenticationRequest.class);
    }

    @Inject
    TokenService tokens;

    @Inject
    VerifiedTokens verified;

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        // A token verified within the last minute is answered on the calling thread: no hop to a
        // worker thread and no transaction, which on a busy API is a large part of a small request.
        SecurityIdentity known = verified.lookup(TokenService.hash(token));
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return context.runBlocking(() -> {
            SecurityIdentity identity = tokens.authenticate(token);
            if (identity == null) {
                throw new AuthenticationFailedException("unknown, expired or revoked token");
            }
            return identity;
        });
    }
}
