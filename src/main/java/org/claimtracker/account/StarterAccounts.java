package org.claimtracker.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.core.Actors;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Hosts;
import org.claimtracker.core.TrackerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the starter accounts admin, analyst and viewer when they do not exist, with passwords
 * from configuration (TRACKER_ADMIN_PASSWORD, TRACKER_ANALYST_PASSWORD, TRACKER_VIEWER_PASSWORD).
 * Existing accounts are never changed here.
 *
 * <p>The default passwords are published in the README. A tracker that other machines can reach
 * (TRACKER_HTTP_HOST other than a loopback address) refuses to start while an enabled starter
 * account still has its published password.
 */
@ApplicationScoped
public class StarterAccounts {

    private static final Logger LOG = Logger.getLogger(StarterAccounts.class);

    /** The passwords the README publishes, by account. */
    static final Map<String, String> PUBLISHED = publishedPasswords();

    private static Map<String, String> publishedPasswords() {
        Map<String, String> published = new LinkedHashMap<>();
        for (String username : List.of("admin", "analyst", "viewer")) {
            published.put(username, username + "-local-only");
        }
        return published;
    }

    @Inject
    TrackerConfig config;

    @ConfigProperty(name = "quarkus.http.host")
    String host;

    @Inject
    AccountService accounts;

    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent event) {
        TrackerConfig.Accounts starter = config.accounts();
        if (starter.starter()) {
            // One transaction that first takes a lock: instances started at the same moment take turns,
            // and those after the first find the accounts made.
            Actors.runAs("starter-accounts", () -> QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("select pg_advisory_xact_lock(hashtext('claimtracker: starter accounts'))").getSingleResult();
                ensure("admin", starter.adminPassword(), AccountRole.admin, "TRACKER_ADMIN_PASSWORD");
                ensure("analyst", starter.analystPassword(), AccountRole.analyst, "TRACKER_ANALYST_PASSWORD");
                ensure("viewer", starter.viewerPassword(), AccountRole.viewer, "TRACKER_VIEWER_PASSWORD");
                return null;
            }));
        }
        if (!Hosts.loopback(host)) {
            List<String> published = withPassword(PUBLISHED);
            if (!published.isEmpty()) {
                throw new IllegalStateException("Refusing to serve on " + host + " (TRACKER_HTTP_HOST), where other machines"
                        + " can reach the tracker: the account(s) " + String.join(", ", published) + " still have the"
                        + " password published in the README. Change it in Accounts (serving on localhost meanwhile) or"
                        + " set TRACKER_ADMIN_PASSWORD etc. before the accounts are first created");
            }
        }
    }

    /** The enabled accounts, of those named, whose password is the one given for them. */
    List<String> withPassword(Map<String, String> passwords) {
        return Actors.runAs("starter-accounts", () -> passwords.entrySet().stream()
                .filter(e -> {
                    Account account = accounts.findEnabled(e.getKey());
                    return account != null && Passwords.matches(e.getValue(), account.passwordHash);
                })
                .map(Map.Entry::getKey)
                .toList());
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
        if (password.equals(PUBLISHED.get(username))) {
            LOG.warnf("Created starter account '%s' with the default local password; set %s before anyone else can"
                    + " reach this tracker", username, variable);
        } else {
            LOG.infof("Created starter account '%s'", username);
        }
    }
}
