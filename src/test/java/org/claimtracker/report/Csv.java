package org.claimtracker.report;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the export tests: records end in CRLF, quoted fields may hold anything. */
final class Csv {

    private Csv() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else if (ch == '\n' || ch == '\r') {
                throw new IllegalArgumentException("a bare line break outside quotes at " + i);
            } else {
                field.append(ch);
            }
        }
        if (quoted || field.length() > 0 || !record.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end in CRLF");
        }
        return records;
    }
}
