package org.claimtracker.api;

/**
 * The media types of the tracker's data in bulk, beside JSON: what the exports, the report and list
 * downloads write and the bulk import reads, named once.
 */
public final class DataTypes {

    /** CSV (RFC 4180), as every export and download writes it and the import reads it. */
    public static final String CSV = "text/csv";
    /** JSON Lines: one JSON value a line, as the ClaimReview export writes it and the import reads it. */
    public static final String JSON_LINES = "application/x-ndjson";
    /** JSON Lines under the other name clients send it with. */
    public static final String JSONL = "application/jsonl";

    private DataTypes() {
    }
}
