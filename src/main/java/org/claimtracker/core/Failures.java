package org.claimtracker.core;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;

/**
 * Turns the failures a write can meet (rule checks, bean validation, database constraints, stale
 * versions) into problems that name the field. The REST mappers answer with them; the admin forms
 * show them next to their fields.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * Whether the failure means the database cannot be reached (refused or lost connections, no
     * free connection within the acquisition timeout, the server shutting down): a 503, not a bug.
     */
    public static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // Agroal says "Sorry, acquisition timeout!" when no connection came free in time.
            String message = t.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    public static Problem unavailable() {
        return new Problem(ProblemTypes.forStatus(503), "Service unavailable", 503,
                "The database cannot be reached just now, or all its connections are busy; nothing was changed."
                        + " Try again in a little while", null, null);
    }

    /** The problem a client can act on, or null when the failure is not the client's doing. */
    public static Problem of(Throwable e) {
        if (e instanceof ApiProblem problem) {
            return problem.toProblem();
        }
        if (e instanceof ConstraintViolationException violations) {
            return invalid(violations);
        }
        if (e instanceof OptimisticLockException || e instanceof StaleStateException) {
            return stale();
        }
        if (e instanceof PersistenceException persistence) {
            return persistence(persistence);
        }
        if (databaseUnavailable(e)) {
            return unavailable();
        }
        return null;
    }

    public static Problem invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        String field = errors.isEmpty() ? null : errors.get(0).field();
        return new Problem(ProblemTypes.forStatus(400), "Invalid request", 400, detail, field, errors);
    }

    public static Problem stale() {
        return new Problem(ProblemTypes.forStatus(412), "Edit conflict", 412,
                "The record was changed by someone else while this change was being saved; read it again and apply"
                        + " the change to the newer version", "version", null);
    }

    /** A database constraint the values broke, explained; null for other database failures. */
    public static Problem persistence(PersistenceException e) {
        org.hibernate.exception.ConstraintViolationException violation =
                findCause(e, org.hibernate.exception.ConstraintViolationException.class);
        if (violation != null) {
            return constraintProblem(violation);
        }
        if (findCause(e, StaleStateException.class) != null || findCause(e, OptimisticLockException.class) != null) {
            return stale();
        }
        if (databaseUnavailable(e)) {
            return unavailable();
        }
        return null;
    }

    /**
     * What a database constraint means, in the tracker's words: the field it concerns and a
     * sentence; null for a constraint the catalogue does not know.
     */
    public static Problem.FieldError constraintMeaning(String constraint) {
        ConstraintCatalog.Meaning meaning = ConstraintCatalog.meaning(constraint);
        return meaning == null ? null : new Problem.FieldError(meaning.field(), meaning.message());
    }

    private static Problem constraintProblem(org.hibernate.exception.ConstraintViolationException violation) {
        String constraint = violation.getConstraintName();
        ConstraintCatalog.Meaning meaning = ConstraintCatalog.meaning(constraint);
        String state = violation.getSQLState();
        SQLException sql = violation.getSQLException();
        String message = sql == null || sql.getMessage() == null ? "" : sql.getMessage();
        if ("23503".equals(state) && message.contains("update or delete on table")) {
            String why = meaning == null ? "other records refer to it" : meaning.message();
            return new Problem(ProblemTypes.forStatus(409), "Still referenced", 409,
                    "This record cannot be deleted or changed: " + why, null, null);
        }
        if ("23505".equals(state)) {
            String detail = meaning == null ? "A record with the same identifying values already exists" : meaning.message();
            return new Problem(ProblemTypes.forStatus(409), "Conflict", 409, detail,
                    meaning == null ? null : meaning.field(), null);
        }
        if ("23503".equals(state)) {
            String field = meaning == null ? null : meaning.field();
            return new Problem(ProblemTypes.forStatus(422), "Unknown reference", 422,
                    (field == null ? "A referenced record" : field) + " names no existing record", field, null);
        }
        String detail = meaning == null ? "The values break a rule of the record (" + constraint + ")" : meaning.message();
        return new Problem(ProblemTypes.forStatus(422), "Invalid value", 422, detail,
                meaning == null ? null : meaning.field(), null);
    }

    public static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (field.length() > 0) {
            return field.toString();
        }
        return parameter == null || parameter.equals("request") ? "body" : parameter;
    }

    /** The first of e and its causes that is of this type, or null. */
    public static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
