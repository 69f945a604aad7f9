package org.claimtracker.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * The login form posts to Quarkus' j_security_check, outside the CSRF tokens of the admin forms.
 * A login posted from another site's page (login CSRF) is refused by its Origin header, which
 * browsers always send with a form post.
 */
@ApplicationScoped
public class LoginOriginCheck {

    void install(@Observes Router router) {
        router.route("/j_security_check").order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private void check(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (context.request().method() == HttpMethod.POST && origin != null && !sameSite(origin, context)) {
            context.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .end("Log in from the tracker's own login page.");
            return;
        }
        context.next();
    }

    private static boolean sameSite(String origin, RoutingContext context) {
        try {
            URI uri = URI.create(origin);
            String host = context.request().getHeader(HttpHeaders.HOST);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && (host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
