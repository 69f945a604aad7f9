package org.claimtracker.account;

import java.util.Set;

/**
 * What an account may do. Each role includes the ones below it: an analyst can also read, an
 * admin can also record.
 */
public enum AccountRole {
    viewer, analyst, admin;

    public static final String VIEWER = "viewer";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    /** The security roles an account with this role holds. */
    public Set<String> grants() {
        return switch (this) {
            case viewer -> Set.of(VIEWER);
            case analyst -> Set.of(VIEWER, ANALYST);
            case admin -> Set.of(VIEWER, ANALYST, ADMIN);
        };
    }
}
