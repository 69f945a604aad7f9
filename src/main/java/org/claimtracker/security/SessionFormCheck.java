package org.claimtracker.security;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.claimtracker.web.SharedTemplates;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.claimtracker.account.Sessions;

/** Refuses an admin form post that does not carry the value of the session posting it (see {@link SessionForms}). */
public class SessionFormCheck {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    Sessions sessions;

    @ServerRequestFilter
    @WithFormRead
    public Optional<Response> check(ResteasyReactiveContainerRequestContext request, RoutingContext context) {
        String path = context.normalizedPath();
        MediaType type = request.getMediaType();
        if (SAFE.contains(request.getMethod()) || type == null
                || !(type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))
                || !(path.startsWith("/admin") || path.equals("/logout"))) {
            return Optional.empty();
        }
        String expected = sessions.formKey(context);
        if (expected == null) {
            // No login: authentication refuses the request anyway (or, for /logout, there is nothing to end).
            return Optional.empty();
        }
        Object given = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(SessionForms.FIELD, true, false);
        if (expected.equals(given)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(SharedTemplates.error(400, "Bad request", "This form was not made for your current session (it is"
                        + " older than your last login, or it comes from elsewhere); reload the page and send it again"))
                .build());
    }
}
