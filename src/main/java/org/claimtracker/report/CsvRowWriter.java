package org.claimtracker.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as RFC 4180 writes it: a header row, records ending in CRLF, and a field enclosed in double
 * quotes (inner quotes doubled) when it holds a comma, a quote or a line break. Null is an empty
 * field; text is UTF-8 without a byte order mark.
 */
final class CsvRowWriter implements RowWriter {

    private final Writer out;

    CsvRowWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    @Override
    public void start(List<String> columns) throws IOException {
        record(columns.toArray());
    }

    @Override
    public void row(Object[] values) throws IOException {
        record(values);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void record(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            if (values[i] != null) {
                out.write(field(values[i].toString()));
            }
        }
        out.write("\r\n");
    }

    static String field(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
