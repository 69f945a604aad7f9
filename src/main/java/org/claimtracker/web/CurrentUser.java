package org.claimtracker.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Who is logged in to the admin pages, for templates ({@code inject:user}). */
@Named("user")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean canEdit() {
        return identity.hasRole("analyst");
    }

    public boolean isAdmin() {
        return identity.hasRole("admin");
    }
}
