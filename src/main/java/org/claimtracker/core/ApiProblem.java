package org.claimtracker.core;

import java.util.List;

/** A failure the client can act on, carried up to the problem+json mapper. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final List<Problem.FieldError> errors;
    private java.util.Map<String, String> suggested = java.util.Map.of();

    public ApiProblem(int status, String title, String field, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.field = field;
        this.errors = errors;
    }

    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(400, "Bad request", field, detail, null);
    }

    public static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(422, "Invalid value", field, detail, null);
    }

    public static ApiProblem notFound(String what, long id) {
        return new ApiProblem(404, "Not found", null, "No " + what + " with id " + id, null);
    }

    /** An id given in a request body that names no record: the field is at fault, not the URL. */
    public static ApiProblem unknownReference(String field, String what, long id) {
        return new ApiProblem(422, "Unknown reference", field, "No " + what + " with id " + id, null);
    }

    /** The record changed since the client read it (412 Precondition Failed). */
    public static ApiProblem stale(long current, long expected) {
        return new ApiProblem(412, "Edit conflict", "version", "The record is at version " + current
                + " but the change was made to version " + expected + "; someone else changed it meanwhile."
                + " Read it again and apply the change to the newer version", null);
    }

    public static ApiProblem conflict(String field, String detail) {
        return new ApiProblem(409, "Conflict", field, detail, null);
    }

    public Problem toProblem() {
        return new Problem(ProblemTypes.forStatus(status), title, status, getMessage(), field, errors);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    /**
     * Values that would make the input right (field name to value), which a form may offer to fill in;
     * they are not part of the problem document.
     */
    public ApiProblem suggesting(java.util.Map<String, String> values) {
        this.suggested = java.util.Map.copyOf(values);
        return this;
    }

    public java.util.Map<String, String> suggested() {
        return suggested;
    }
}
