package org.claimtracker.security;

import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.request.AuthenticationRequest;

/** An identity provider for one kind of authentication request, named once by the subclass. */
abstract class TypedIdentityProvider<T extends AuthenticationRequest> implements IdentityProvider<T> {

    private final Class<T> type;

    TypedIdentityProvider(Class<T> type) {
        this.type = type;
    }

    @Override
    public Class<T> getRequestType() {
        return type;
    }
}
