package org.claimtracker.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the records of one import source, JSON Lines or CSV, one at a time: memory stays flat
 * whatever the size of the file. A record that cannot be read at all comes back as a row of
 * type {@code null} with the reason under {@code "_error"}.
 */
abstract class RowReader implements AutoCloseable {

    static final String ERROR = "_error";

    final int source;
    final Counting counted;
    final BufferedReader in;

    RowReader(int source, InputStream input) {
        this.source = source;
        this.counted = new Counting(input);
        this.in = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    /** The next record, or null at the end. */
    abstract InputRow next() throws IOException;

    long bytesRead() {
        return counted.count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The input cannot be read on from here (not UTF-8, an unclosed quote, a CSV without a type). */
    static final class Unreadable extends IOException {
        final long line;

        Unreadable(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    static InputRow failed(int source, long line, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(ERROR, reason);
        return new InputRow(source, line, null, fields);
    }

    /** JSON Lines: one object per line; blank lines are skipped. */
    static final class JsonLines extends RowReader {

        private final ObjectMapper json;
        private long line;

        JsonLines(int source, InputStream input, ObjectMapper json) {
            super(source, input);
            this.json = json;
        }

        @Override
        InputRow next() throws IOException {
            String text;
            do {
                try {
                    text = in.readLine();
                } catch (CharacterCodingException e) {
                    throw new Unreadable(line + 1, "The input is not valid UTF-8 (on this line or the next)");
                }
                if (text == null) {
                    return null;
                }
                line++;
                if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
            } while (text.isBlank());
            Object parsed;
            try {
                parsed = json.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                return failed(source, line, "is not valid JSON: " + e.getOriginalMessage());
            }
            if (!(parsed instanceof Map<?, ?> map)) {
                return failed(source, line, "must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            Object type = fields.remove("type");
            if (!(type instanceof String name) || name.isBlank()) {
                return failed(source, line, "needs a \"type\": one of " + RowType.names());
            }
            return new InputRow(source, line, name.trim(), fields);
        }
    }

    /**
     * CSV (RFC 4180): a header row names the columns; quoted cells may hold commas, quotes ("") and
     * line breaks. Empty cells are missing values. The type comes from a {@code type} column or,
     * for the whole file, from the caller. A claim row carries one source in the columns
     * {@code article} (or {@code articleId}), {@code quote} and {@code quoteStart}.
     */
    static final class Csv extends RowReader {

        private final String fileType;
        private List<String> header;
        private long line = 1;

        Csv(int source, InputStream input, String fileType) {
            super(source, input);
            this.fileType = fileType;
        }

        @Override
        InputRow next() throws IOException {
            if (header == null) {
                long start = line;
                List<String> names = record();
                if (names == null) {
                    return null;
                }
                if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
                    names.set(0, names.get(0).substring(1));
                }
                header = names.stream().map(String::trim).toList();
                if (fileType == null && !header.contains("type")) {
                    throw new Unreadable(start, "The CSV header has no 'type' column and no type was given for the file");
                }
            }
            List<String> cells;
            long start;
            do {
                start = line;
                cells = record();
                if (cells == null) {
                    return null;
                }
            } while (cells.size() == 1 && cells.get(0).isBlank());
            if (cells.size() != header.size()) {
                return failed(source, start, "has " + cells.size() + " cells but the header has " + header.size());
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                fields.put(header.get(i), cell.isEmpty() ? null : cell);
            }
            Object typeCell = fields.remove("type");
            String type = typeCell != null ? typeCell.toString().trim() : fileType;
            if (type == null) {
                return failed(source, start, "needs a type: one of " + RowType.names());
            }
            RowType known = RowType.byName(type);
            if (known == RowType.CLAIM) {
                Map<String, Object> sourceFields = new LinkedHashMap<>();
                for (String name : List.of("article", "articleId", "quote", "quoteStart")) {
                    if (fields.containsKey(name)) {
                        sourceFields.put(name, fields.remove(name));
                    }
                }
                fields.put("sources", List.of(sourceFields));
            }
            return new InputRow(source, start, type, fields);
        }

        /** The cells of the next record, or null at the end of the input. */
        private List<String> record() throws IOException {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            int c = read();
            if (c == -1) {
                return null;
            }
            boolean quoted = false;
            boolean cellStarted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new Unreadable(line, "A quoted CSV cell is not closed before the end of the input");
                    }
                    if (c == '"') {
                        int next = read();
                        if (next == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            c = next;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append((char) c);
                    }
                } else if (c == '"' && !cellStarted) {
                    quoted = true;
                    cellStarted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    cellStarted = false;
                } else if (c == '\n' || c == -1) {
                    if (c == '\n') {
                        line++;
                    }
                    int end = cell.length();
                    if (end > 0 && cell.charAt(end - 1) == '\r') {
                        cell.setLength(end - 1);
                    }
                    cells.add(cell.toString());
                    return cells;
                } else {
                    cell.append((char) c);
                    cellStarted = true;
                }
                c = read();
            }
        }

        private int read() throws IOException {
            try {
                return in.read();
            } catch (CharacterCodingException e) {
                throw new Unreadable(line, "The input is not valid UTF-8 (on this line)");
            }
        }
    }

    /** Counts the bytes read, for progress. */
    static final class Counting extends FilterInputStream {
        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
