package org.claimtracker.importer;

/** The formats an import reads. */
public enum ImportFormat {
    JSONL, CSV;

    /** From a media type or file name; null when neither tells. */
    public static ImportFormat detect(String mediaTypeOrName) {
        if (mediaTypeOrName == null) {
            return null;
        }
        String s = mediaTypeOrName.toLowerCase(java.util.Locale.ROOT);
        if (s.contains("csv")) {
            return CSV;
        }
        if (s.contains("ndjson") || s.contains("jsonl") || s.contains("json-seq") || s.endsWith(".json")) {
            return JSONL;
        }
        return null;
    }
}
