package org.claimtracker.core;

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

    /**
     * The mark of a name asserted on the command line. Account names cannot contain a colon, so a
     * marked name never passes for an account; database sessions are marked {@code db:} likewise.
     */
    public static final String COMMAND_LINE = "cli:";

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

    /**
     * Who a command-line run acts as: the name it was given ({@code --as NAME}), or else the
     * operating-system user who ran it, marked as asserted on the command line.
     */
    public static String commandLine(String asserted) {
        String name = asserted == null || asserted.isBlank() ? System.getProperty("user.name", "unknown") : asserted.strip();
        return COMMAND_LINE + name;
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
