package org.claimtracker.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.claimtracker.core.Problem;
import org.claimtracker.core.ProblemTypes;
import org.claimtracker.core.TrackerConfig;

/**
 * Bounds request bodies: tracker.http.max-body-size (8 MB) for every request but bulk imports (the
 * API's, and the file uploaded on the admin import page), which may be as large as quarkus.http.limits.max-body-size (TRACKER_IMPORT_MAX_SIZE). A body over
 * its limit gets a 413 problem document instead of an empty response. Outside imports a body must
 * declare its length (411 otherwise), so that the smaller limit holds for streamed bodies too.
 */
@ApplicationScoped
public class BodyLimit {

    static final String IMPORT_PATH = "/api/import";
    /** The admin pages' upload of an import file (multipart), which may be as large as an import. */
    static final String ADMIN_IMPORT_PATH = "/admin/import";

    @Inject
    TrackerConfig config;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize importLimit;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::explainTooLarge);
    }

    private void checkDeclaredLength(RoutingContext context) {
        boolean importing = context.normalizedPath().equals(IMPORT_PATH);
        long max = limitFor(context);
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null && !importing && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            lengthRequired(context);
            return;
        }
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > max) {
                    tooLarge(context, max);
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
            tooLarge(context, limitFor(context));
        } else {
            context.next();
        }
    }

    private long limitFor(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals(IMPORT_PATH) || path.equals(ADMIN_IMPORT_PATH) ? importLimit.asLongValue()
                : config.http().maxBodySize().asLongValue();
    }

    private void lengthRequired(RoutingContext context) {
        String body = "{\"type\":\"" + ProblemTypes.forStatus(411) + "\",\"title\":\"Length required\",\"status\":411,"
                + "\"detail\":\"Send the body with a Content-Length header (only " + IMPORT_PATH + " takes streamed bodies)\"}";
        context.response().setStatusCode(411).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff").putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }

    private void tooLarge(RoutingContext context, long max) {
        String body = "{\"type\":\"" + ProblemTypes.forStatus(413) + "\",\"title\":\"Payload too large\",\"status\":413,"
                + "\"detail\":\"The body is larger than the limit of " + max + " bytes\"}";
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff").putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
