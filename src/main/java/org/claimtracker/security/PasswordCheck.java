package org.claimtracker.security;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimtracker.core.Actors;
import org.claimtracker.api.Throttled;
import org.claimtracker.account.Account;
import org.claimtracker.account.AccountService;
import org.claimtracker.account.Passwords;
import org.claimtracker.account.Identities;

/**
 * Checks a username and password, for the login form and for making API tokens alike: throttled
 * after repeated failures, as slow for an unknown account as for a wrong password.
 */
@ApplicationScoped
public class PasswordCheck {

    @Inject
    AccountService accounts;

    @Inject
    LoginThrottle throttle;

    /** The enabled account with these credentials; otherwise an AuthenticationFailedException. Blocks. */
    public Account check(String username, String password, String address) {
        String name = normalise(username);
        long wait = throttle.waitSeconds(name, address);
        if (wait > 0) {
            throw Throttled.refusal(wait);
        }
        Account account = Actors.runAs(Identities.AUTHENTICATING, () -> accounts.findEnabled(name));
        if (account == null) {
            Passwords.matches(password, Passwords.DECOY_HASH);
            throttle.failed(name, address);
            throw new AuthenticationFailedException("unknown or disabled account");
        }
        if (!Passwords.matches(password, account.passwordHash)) {
            throttle.failed(name, address);
            throw new AuthenticationFailedException("wrong password");
        }
        throttle.succeeded(name, address);
        return account;
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
