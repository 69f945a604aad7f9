package org.claimtracker.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.claimtracker.common.Actors;
import org.claimtracker.common.ApiProblem;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the starter accounts admin, analyst and viewer when they do not exist, with passwords
 * from configuration (TRACKER_ADMIN_PASSWORD, TRACKER_ANALYST_PASSWORD, TRACKER_VIEWER_PASSWORD).
 * Existing accounts are never changed here.
 */
@ApplicationScoped
public class StarterAccounts {

    private static final Logger LOG = Logger.getLogger(StarterAccounts.class);

    @ConfigProperty(name = "tracker.accounts.starter")
    boolean enabled;

    @ConfigProperty(name = "tracker.accounts.admin-password")
    String adminPassword;

    @ConfigProperty(name = "tracker.accounts.analyst-password")
    String analystPassword;

    @ConfigProperty(name = "tracker.accounts.viewer-password")
    String viewerPassword;

    @Inject
    AccountService accounts;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Actors.runAs("starter-accounts", () -> {
            ensure("admin", adminPassword, AccountRole.admin, "TRACKER_ADMIN_PASSWORD");
            ensure("analyst", analystPassword, AccountRole.analyst, "TRACKER_ANALYST_PASSWORD");
            ensure("viewer", viewerPassword, AccountRole.viewer, "TRACKER_VIEWER_PASSWORD");
            return null;
        });
    }

    private void ensure(String username, String password, AccountRole role, String variable) {
        if (accounts.exists(username)) {
            return;
        }
        try {
            accounts.create(new AccountRequest(username, "Starter " + role.name(), password, role, true, null));
        } catch (ApiProblem refused) {
            throw new IllegalStateException("Cannot create the starter account '" + username + "' with the password in "
                    + variable + ": " + refused.getMessage(), refused);
        }
        if (password.endsWith("-local-only")) {
            LOG.warnf("Created starter account '%s' with the default local password; set %s before anyone else can"
                    + " reach this tracker", username, variable);
        } else {
            LOG.infof("Created starter account '%s'", username);
        }
    }
}
