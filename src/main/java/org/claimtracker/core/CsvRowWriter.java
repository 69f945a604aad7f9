package org.claimtracker.core;

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
 *
 * A text value that a spreadsheet would run as a formula (one beginning with =, +, -, @, tab or
 * carriage return, as OWASP's CSV injection guidance lists them) gets an apostrophe in front, which
 * spreadsheets take as "this is text" and do not show. Only text is touched: a number column's -5
 * is a number and stays one, whatever its sign.
 *
 * <p>Written here rather than by Jackson's CSV generator, which the import's reader uses: in 2.19 the
 * generator either quotes much more than this (by default any text with a space or of more than 24
 * characters) or, with strict quoting, leaves a text holding only a line feed unquoted when records
 * end in CRLF, which breaks the record.
 */
public final class CsvRowWriter implements RowWriter {

    private final Writer out;

    public CsvRowWriter(OutputStream stream) {
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
            if (values[i] instanceof String text) {
                out.write(field(inert(text)));
            } else if (values[i] != null) {
                out.write(field(values[i].toString()));
            }
        }
        out.write("\r\n");
    }

    /** The text as a spreadsheet will show it but never evaluate it. */
    static String inert(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + text : text;
    }

    static String field(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
