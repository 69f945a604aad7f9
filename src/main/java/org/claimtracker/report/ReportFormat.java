package org.claimtracker.report;

import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** How an exported report is written. */
public enum ReportFormat {
    /** A JSON array of objects, one per row, keyed by column name. */
    json(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")),
    /** RFC 4180 CSV with a header row. */
    csv(new MediaType("text", "csv", Map.of("charset", "UTF-8", "header", "present")));

    public static final MediaType TEXT_CSV = new MediaType("text", "csv");

    private final MediaType mediaType;

    ReportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }
}
