package org.claimtracker.security;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.claimtracker.account.Sessions;

/**
 * Binds every admin form to the session that was shown it. Quarkus' CSRF token is a plain
 * double-submit value: any cookie and field that agree pass, so whoever can plant a cookie (a
 * sibling subdomain, plain HTTP) could pair it with a field of his own. Each form therefore also
 * carries {@value #FIELD}, an HMAC of the session's login (see {@link Sessions#formKey}), and a form
 * post whose value is not the one of the session posting it is refused with 400 ({@link SessionFormCheck}). The value lasts as
 * long as the session, so forms open in several tabs keep working.
 *
 * Quarkus' own remedy, signed tokens (quarkus.rest-csrf.token-signature-key), makes a new token on
 * every page and every typeahead request, which would refuse every form but the last one opened.
 */
@Named("sessionForm")
@RequestScoped
public class SessionForms {

    public static final String FIELD = "session-form-key";

    @Inject
    Sessions sessions;

    @Inject
    RoutingContext routing;

    /** This session's value, for the hidden field of every form; empty when nobody is logged in. */
    public String key() {
        String key = sessions.formKey(routing);
        return key == null ? "" : key;
    }

    public String field() {
        return FIELD;
    }
}
