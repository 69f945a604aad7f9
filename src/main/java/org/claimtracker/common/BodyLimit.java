package org.claimtracker.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over the limit (quarkus.http.limits.max-body-size) with a 413 problem document
 * instead of an empty response, whether the client declared its length or streamed it.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::explainTooLarge);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit.asLongValue()) {
                    tooLarge(context);
                    return;
                }
            } catch (NumberFormatException e) {
                // a malformed length is left to the HTTP server, which refuses it
            }
        }
        context.next();
    }

    private void explainTooLarge(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            tooLarge(context);
        } else {
            context.next();
        }
    }

    private void tooLarge(RoutingContext context) {
        String body = "{\"type\":\"" + ProblemTypes.forStatus(413) + "\",\"title\":\"Payload too large\",\"status\":413,"
                + "\"detail\":\"The body is larger than the limit of " + limit.asLongValue() + " bytes\"}";
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff").putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
