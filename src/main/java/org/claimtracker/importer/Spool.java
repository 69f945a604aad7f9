package org.claimtracker.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Rows for one staging table, written to a temporary file in PostgreSQL's COPY text format while
 * the input is read, then copied into the staging table in one COPY. Spooling keeps memory flat
 * whatever the size of the import, and lets rows of every type arrive in any order.
 */
final class Spool implements AutoCloseable {

    final String table;
    final String columns;
    private final Path file;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    Spool(Path directory, String table, String columns) {
        this.table = table;
        this.columns = columns;
        try {
            this.file = Files.createTempFile(directory, table, ".copy");
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long rows() {
        return rows;
    }

    void add(Object... values) {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            appendValue(values[i]);
        }
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    Reader reader() throws IOException {
        out.flush();
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private void appendValue(Object value) {
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof List<?> items) {
            // a text[] literal, itself escaped for COPY
            StringBuilder array = new StringBuilder("{");
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    array.append(',');
                }
                array.append('"');
                String item = (String) items.get(i);
                for (int k = 0; k < item.length(); k++) {
                    char c = item.charAt(k);
                    if (c == '"' || c == '\\') {
                        array.append('\\');
                    }
                    array.append(c);
                }
                array.append('"');
            }
            escape(array.append('}'));
        } else if (value instanceof LocalDate date) {
            line.append(date);
        } else {
            escape(value.toString());
        }
    }

    private void escape(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> line.append(c);
            }
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is removed with the directory
        }
    }
}
