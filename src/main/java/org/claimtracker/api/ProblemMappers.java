package org.claimtracker.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Failures;
import org.claimtracker.core.Problem;
import org.claimtracker.core.ProblemTypes;

/**
 * Turns every failure into an application/problem+json answer. Client mistakes get a 4xx naming
 * the field; anything else is a 500 whose body carries only an incident id to find it in the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "10";

    @Inject
    RoutingContext request;

    @Inject
    HtmlErrors htmlErrors;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e) {
        Response response = respond(e.toProblem());
        if (e.status() == 503) {
            response.getHeaders().putSingle("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        return respond(Failures.invalid(e));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        java.util.regex.Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return badJson(duplicate.group(1), "Field '" + duplicate.group(1) + "' is given more than once");
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return badJson(null, "The body is not well-formed JSON" + where);
    }

    /** How Jackson's strict duplicate detection names the key given twice. */
    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile("^Duplicate field '(.*)'");

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = pathOf(e);
        return badJson(field, "Unknown field '" + e.getPropertyName() + "'");
    }

    @ServerExceptionMapper
    public Response notUtf8(StrictUtf8.Malformed e) {
        return badJson(null, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unstorableText(JsonSettings.UnstorableText e) {
        String field = pathOf(e);
        return badJson(field, (field == null ? "The body" : field) + " " + e.reason());
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e) {
        String field = pathOf(e);
        Class<?> target = e.getTargetType();
        String detail;
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            detail = field + " must be one of " + allowed;
        } else {
            detail = field + " must be " + describe(target);
        }
        return badJson(field, detail);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        String field = pathOf(e);
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return badJson(null, "The body holds more than one JSON value");
        }
        if (field == null) {
            return badJson(null, "The body must be a JSON object");
        }
        return badJson(field, field + " must be " + describe(e.getTargetType()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e) {
        String field = pathOf(e);
        return badJson(field, field == null ? "The body cannot be read" : field + " has a value that cannot be read");
    }

    @ServerExceptionMapper
    public Response unreadableInput(JsonProcessingException e) {
        return badJson(null, "The body cannot be read as JSON");
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        if (Failures.databaseUnavailable(e)) {
            return unavailable();
        }
        String path = request.normalizedPath();
        Long throttled = Throttled.retryAfter(e);
        if (path.equals("/j_security_check")) {
            return Response.seeOther(java.net.URI.create(throttled == null ? "/login?error=true"
                    : "/login?throttled=" + throttled)).build();
        }
        if (throttled != null) {
            return Response.status(429).type(Problem.MEDIA_TYPE)
                    .header("Retry-After", Long.toString(throttled))
                    .entity(new Problem(ProblemTypes.forStatus(429), "Too many failed logins", 429,
                            "Too many failed logins for this account or from this address; try again in "
                                    + throttled + " s", null, null))
                    .build();
        }
        if (path.startsWith("/admin")) {
            return Response.seeOther(java.net.URI.create("/login")).build();
        }
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer realm=\"claim-tracker\"")
                .entity(new Problem(ProblemTypes.forStatus(401), "Unauthorized", 401,
                        "Send 'Authorization: Bearer <token>'. An account's first token is made in the admin pages"
                                + " (API tokens, /admin/tokens) or with ./tracker token <username>; POST /api/tokens"
                                + " makes more with it", null, null))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new Problem(ProblemTypes.forStatus(403), "Forbidden", 403,
                "Your account's role does not allow this", null, null));
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e) {
        return respond(Failures.stale());
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e) {
        return respond(Failures.stale());
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        if (Failures.databaseUnavailable(e)) {
            return unavailable();
        }
        Problem problem = Failures.persistence(e);
        return problem == null ? unexpected(e) : respond(problem);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (cause instanceof JsonSettings.UnstorableText text) {
            return unstorableText(text);
        }
        if (cause instanceof StrictUtf8.Malformed malformed) {
            return notUtf8(malformed);
        }
        if (cause instanceof InvalidFormatException format) {
            return wrongValue(format);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return wrongShape(mismatch);
        }
        if (cause instanceof JsonMappingException mapping) {
            return unreadableJson(mapping);
        }
        if (cause instanceof JsonProcessingException processing) {
            return unreadableInput(processing);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String detail = switch (status) {
            case 404 -> "No resource at this address";
            case 405 -> "This method is not allowed here";
            case 406 -> "No acceptable representation; ask for application/json";
            case 413 -> "The body is larger than the limit";
            case 415 -> "Send the body as application/json";
            default -> "The request cannot be processed";
        };
        Response.StatusType info = e.getResponse().getStatusInfo();
        return respond(new Problem(ProblemTypes.forStatus(status), info.getReasonPhrase(), status, detail, null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (Failures.databaseUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return unavailable();
        }
        if (clientGone(e)) {
            // Nothing failed here: the client went away (a benchmark's end, a closed tab, a lost
            // network) while its body was being read. The answer below reaches no one.
            LOG.infof("The client closed the connection before its request body was read: %s", e.getMessage());
            return respond(new Problem(ProblemTypes.forStatus(400), "Bad Request", 400,
                    "The connection closed before the request body was read", null, null));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(new Problem(ProblemTypes.forStatus(500), "Internal error", 500,
                "The request failed unexpectedly; incident " + incident + " is in the server log", null, null));
    }

    /**
     * Whether the failure comes from the client's connection closing while the request was read: Vert.x
     * says so with an HttpClosedException when the close comes during the read, and the channel's
     * ClosedChannelException when it came before the read began.
     */
    static boolean clientGone(Throwable e) {
        return Failures.findCause(e, HttpClosedException.class) != null
                || Failures.findCause(e, ClosedChannelException.class) != null;
    }

    private Response badJson(String field, String detail) {
        return respond(new Problem(ProblemTypes.forStatus(400), "Malformed request body", 400, detail, field, null));
    }

    private Response unavailable() {
        Response response = respond(Failures.unavailable());
        response.getHeaders().putSingle("Retry-After", RETRY_AFTER_SECONDS);
        return response;
    }

    /** A problem document for the API; for the admin pages the same message as an HTML page. */
    Response respond(Problem problem) {
        if (request.normalizedPath().startsWith("/admin")) {
            return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(htmlErrors.page(problem.status(), problem.title(), problem.detail())).build();
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date as YYYY-MM-DD";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        return "an object";
    }
}
