package org.claimtracker.importer;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.TextBuffer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the records of one import source, JSON Lines or CSV, one at a time: memory stays flat
 * whatever the size of the file. A record that cannot be read at all comes back as a row of
 * type {@code null} with the reason under {@code "_error"}.
 *
 * <p>Memory stays flat whatever a single line holds too: a line (JSON Lines) or record (CSV)
 * longer than {@link #MAX_RECORD_CHARS}, a CSV cell longer than {@link #MAX_CELL_CHARS} or a
 * record of more than {@link #MAX_CELLS} cells is read on to its end without being kept, and
 * reported as a bad row naming its line.
 */
abstract class RowReader implements AutoCloseable {

    static final String ERROR = "_error";

    /**
     * The longest line or record, in characters. No record needs more: an article's text, the
     * longest field (1,000,000 characters), fits even with every character written as a JSON
     * escape such as {@code \u00e9}.
     */
    static final int MAX_RECORD_CHARS = 8 * 1024 * 1024;
    /** The longest CSV cell, in characters: an article's text of 1,000,000 code points, each perhaps two chars. */
    static final int MAX_CELL_CHARS = 2_000_000;
    /** The most cells of a CSV record (records have at most a few dozen columns). */
    static final int MAX_CELLS = 1_000;
    /** The most JSON tokens (names and values) of a line, so that a line of tiny values cannot fill memory either. */
    static final long MAX_JSON_TOKENS = 100_000;

    final int source;
    final Counting counted;
    final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    long line;
    boolean lineTooLong;

    RowReader(int source, InputStream input) {
        this.source = source;
        this.counted = new Counting(input);
        this.in = new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The next record, or null at the end. */
    abstract InputRow next() throws IOException;

    /** What to say when the bytes read next are not UTF-8. */
    abstract Unreadable notUtf8();

    long bytesRead() {
        return counted.count;
    }

    private boolean fill() throws IOException {
        int n;
        try {
            n = in.read(buffer, 0, buffer.length);
        } catch (CharacterCodingException e) {
            throw notUtf8();
        }
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /**
     * Reads the next line (ended by LF, CR LF or CR, or by the end of the input) into {@code into},
     * and counts it; false at the end of the input. A line longer than {@link #MAX_RECORD_CHARS} is
     * read to its end but not kept: {@code into} stays empty and {@link #lineTooLong} says so.
     */
    boolean readLine(StringBuilder into) throws IOException {
        into.setLength(0);
        boolean fits = true;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return false;
                }
                line++;
                lineTooLong = !fits;
                return true;
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            if (fits && into.length() + (position - start) > MAX_RECORD_CHARS) {
                fits = false;
                into.setLength(0);
            }
            if (fits) {
                into.append(buffer, start, position - start);
            }
            if (position < limit) {
                char end = buffer[position++];
                if (end == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                }
                line++;
                lineTooLong = !fits;
                return true;
            }
        }
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

    /** The words for a record too long to read, after "The row ". */
    static String tooLong() {
        return String.format(Locale.ROOT, "is longer than %,d characters, more than any record needs (an article's text of"
                + " 1,000,000 characters fits even if every character is escaped); it was skipped unread", MAX_RECORD_CHARS);
    }

    /** The JSON reader for lines: the application's, with a bound on the values one line may hold. */
    static ObjectMapper forLines(ObjectMapper json) {
        return json.copyWith(json.getFactory().rebuild()
                .streamReadConstraints(StreamReadConstraints.builder().maxTokenCount(MAX_JSON_TOKENS).build())
                .build());
    }

    /** JSON Lines: one object per line; blank lines are skipped. */
    static final class JsonLines extends RowReader {

        private final ObjectMapper json;
        private final StringBuilder text = new StringBuilder();

        /** {@code json} as {@link #forLines} makes it. */
        JsonLines(int source, InputStream input, ObjectMapper json) {
            super(source, input);
            this.json = json;
        }

        @Override
        Unreadable notUtf8() {
            return new Unreadable(line + 1, "The input is not valid UTF-8 (on this line or the next)");
        }

        @Override
        InputRow next() throws IOException {
            String value;
            do {
                if (!readLine(text)) {
                    return null;
                }
                if (lineTooLong) {
                    return failed(source, line, tooLong());
                }
                if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text.deleteCharAt(0);
                }
                value = text.toString();
            } while (value.isBlank());
            Object parsed;
            try {
                parsed = json.readValue(value, Object.class);
            } catch (StreamConstraintsException e) {
                return failed(source, line, String.format(Locale.ROOT, "holds more than %,d JSON values, more than any record needs",
                        MAX_JSON_TOKENS));
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
     * CSV (RFC 4180), read by Jackson's CSV parser: a header row names the columns; quoted cells may
     * hold commas, quotes ("") and line breaks. Empty cells are missing values. The type comes from a
     * {@code type} column or, for the whole file, from the caller. A claim row carries one source in
     * the columns {@code article} (or {@code articleId}), {@code quote} and {@code quoteStart}.
     *
     * <p>The parser hands over one cell at a time, each gathered in a {@link CellBuffer}, which keeps
     * at most {@link #MAX_CELL_CHARS} characters; the bounds on records and cells are counted here.
     */
    static final class Csv extends RowReader {

        private final String fileType;
        private final Ending ending;
        private final CellBuffer cell = new CellBuffer(new BufferRecycler(), MAX_CELL_CHARS);
        private final CsvParser parser;
        private List<String> header;

        Csv(int source, InputStream input, String fileType) {
            super(source, input);
            this.fileType = fileType;
            this.ending = new Ending(in);
            IOContext context = new IOContext(StreamReadConstraints.defaults(), StreamWriteConstraints.defaults(),
                    ErrorReportConfiguration.defaults(), new BufferRecycler(), ContentReference.unknown(), false) {
                @Override
                public TextBuffer constructReadConstrainedTextBuffer() {
                    return cell;
                }
            };
            // Without columns in its schema the parser gives each record as an array of strings.
            parser = new CsvParser(context, JsonParser.Feature.collectDefaults(), CsvParser.Feature.collectDefaults(),
                    null, ending);
            parser.setSchema(CsvSchema.emptySchema());
        }

        @Override
        Unreadable notUtf8() {
            return new Unreadable(parser.currentLocation().getLineNr(), "The input is not valid UTF-8 (on this line)");
        }

        /** The cells of one record, the line where it starts, or why it cannot be used (it was read to its end all the same). */
        private record Record(List<String> cells, long line, String problem) {
        }

        @Override
        InputRow next() throws IOException {
            if (header == null) {
                Record names = record();
                if (names == null) {
                    return null;
                }
                if (names.problem() != null) {
                    throw new Unreadable(names.line(), "The CSV header " + names.problem());
                }
                List<String> cells = names.cells();
                if (!cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                    cells.set(0, cells.get(0).substring(1));
                }
                header = cells.stream().map(String::trim).toList();
                if (fileType == null && !header.contains("type")) {
                    throw new Unreadable(names.line(), "The CSV header has no 'type' column and no type was given for the file");
                }
            }
            Record read;
            do {
                read = record();
                if (read == null) {
                    return null;
                }
                if (read.problem() != null) {
                    return failed(source, read.line(), read.problem());
                }
            } while (read.cells().size() == 1 && read.cells().get(0).isBlank());
            long start = read.line();
            List<String> cells = read.cells();
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

        /**
         * The cells of the next record, or null at the end of the input. A record that breaks a
         * bound is read to its end, keeping nothing more, and comes back with the problem.
         */
        private Record record() throws IOException {
            if (token() != JsonToken.START_ARRAY) {
                return null;
            }
            List<String> cells = new ArrayList<>();
            long line = 0;
            long length = 0;
            int count = 0;
            String problem = null;
            for (JsonToken token = token(); token != JsonToken.END_ARRAY; token = token()) {
                if (token == null) {
                    // An error the parser recovers from ends the record early; it is bad all the same.
                    break;
                }
                if (count++ == 0) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                if (token == JsonToken.NOT_AVAILABLE) {
                    problem = problem != null ? problem : "has a character after the closing quote of a cell (a quote"
                            + " inside a quoted cell is written twice: \"\")";
                    continue;
                }
                if (problem != null) {
                    continue;
                }
                String text = parser.getText();
                length += text.length() + 1;
                if (cell.tooLong() || text.length() > MAX_CELL_CHARS) {
                    problem = String.format(Locale.ROOT, "has a cell longer than %,d characters; the longest field, an"
                            + " article's text, holds at most 1,000,000", MAX_CELL_CHARS);
                } else if (length > MAX_RECORD_CHARS) {
                    problem = tooLong();
                } else if (count > MAX_CELLS) {
                    problem = String.format(Locale.ROOT, "has more than %,d cells", MAX_CELLS);
                }
                if (problem != null) {
                    cells.clear();
                } else {
                    cells.add(text);
                }
            }
            return new Record(cells, line == 0 ? parser.currentLocation().getLineNr() : line, problem);
        }

        /**
         * The parser's next token; {@link JsonToken#NOT_AVAILABLE} for a cell it could not read but
         * reads on after (a character after a closing quote).
         */
        private JsonToken token() throws IOException {
            try {
                return parser.nextToken();
            } catch (CharacterCodingException e) {
                throw notUtf8();
            } catch (JsonParseException e) {
                if (ending.reached) {
                    throw new Unreadable(parser.currentLocation().getLineNr(),
                            "A quoted CSV cell is not closed before the end of the input");
                }
                return JsonToken.NOT_AVAILABLE;
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
            super.close();
        }
    }

    /** Notes when the characters have all been read. */
    static final class Ending extends FilterReader {
        boolean reached;

        Ending(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                reached = true;
            }
            return n;
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
