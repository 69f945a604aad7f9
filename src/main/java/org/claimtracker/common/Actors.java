package org.claimtracker.common;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.function.Supplier;

/**
 * Who is making the current change. Requests carry an authenticated identity once accounts exist;
 * background work (seed loading, imports) names itself with {@link #runAs}.
 */
public final class Actors {

    public static final String ANONYMOUS = "anonymous";

    private static final ThreadLocal<String> OVERRIDE = new ThreadLocal<>();

    private Actors() {
    }

    public static String current() {
        String override = OVERRIDE.get();
        if (override != null) {
            return override;
        }
        return identityName();
    }

    public static <T> T runAs(String actor, Supplier<T> work) {
        String previous = OVERRIDE.get();
        OVERRIDE.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }

    private static String identityName() {
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return ANONYMOUS;
        }
        try (InstanceHandle<SecurityIdentity> identity = Arc.container().instance(SecurityIdentity.class)) {
            if (!identity.isAvailable() || identity.get().isAnonymous()) {
                return ANONYMOUS;
            }
            return identity.get().getPrincipal().getName();
        }
    }
}
