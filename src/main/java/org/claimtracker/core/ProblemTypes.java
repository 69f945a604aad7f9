package org.claimtracker.core;

/** Stable problem type identifiers, one per kind of failure. */
public final class ProblemTypes {

    private ProblemTypes() {
    }

    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> "urn:claimtracker:problem:bad-request";
            case 401 -> "urn:claimtracker:problem:unauthorized";
            case 403 -> "urn:claimtracker:problem:forbidden";
            case 404 -> "urn:claimtracker:problem:not-found";
            case 405 -> "urn:claimtracker:problem:method-not-allowed";
            case 406 -> "urn:claimtracker:problem:not-acceptable";
            case 409 -> "urn:claimtracker:problem:conflict";
            case 411 -> "urn:claimtracker:problem:length-required";
            case 412 -> "urn:claimtracker:problem:precondition-failed";
            case 413 -> "urn:claimtracker:problem:too-large";
            case 415 -> "urn:claimtracker:problem:unsupported-media-type";
            case 422 -> "urn:claimtracker:problem:invalid";
            case 428 -> "urn:claimtracker:problem:precondition-required";
            case 429 -> "urn:claimtracker:problem:too-many-requests";
            case 503 -> "urn:claimtracker:problem:unavailable";
            default -> status >= 500 ? "urn:claimtracker:problem:server-error" : "about:blank";
        };
    }
}
