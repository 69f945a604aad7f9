package org.claimtracker.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A line or cell of hundreds of megabytes is read through and refused with its line, while the
 * reader keeps at most a few megabytes: it allocates far less than the line's size (measured on
 * this thread, which also makes the input; the input itself allocates nothing).
 */
class RowReaderBoundsTest {

    private static final long HUGE = 500L * 1024 * 1024;
    /** Well above what a bounded reader needs (a few buffers of at most the bounds), far below the 500 MB read. */
    private static final long ALLOWED_ALLOCATION = 100L * 1024 * 1024;

    private static final ObjectMapper JSON = RowReader.forLines(new ObjectMapper());

    private static long allocatedSoFar() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static void assertAllocatedLittleSince(long before) {
        long allocated = allocatedSoFar() - before;
        assertTrue(allocated < ALLOWED_ALLOCATION, "allocated " + allocated / (1024 * 1024) + " MB");
    }

    /**
     * The huge row was refused at its line for a reason that starts so, and the next row (named
     * After) read whole at the line after it.
     */
    private static void assertRefusedThenNextRead(List<InputRow> rows, int line, String reason) {
        assertEquals(2, rows.size());
        InputRow refused = rows.get(0);
        assertEquals(line, refused.line());
        assertTrue(refused.fields().get(RowReader.ERROR).toString().startsWith(reason), refused.fields().toString());
        assertEquals(line + 1, rows.get(1).line());
        assertEquals("After", rows.get(1).fields().get("name"));
    }

    private static List<InputRow> all(RowReader reader) throws IOException {
        List<InputRow> rows = new ArrayList<>();
        for (InputRow row; (row = reader.next()) != null; ) {
            rows.add(row);
        }
        return rows;
    }

    private static RowReader jsonLines(String text) {
        return new RowReader.JsonLines(0, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), JSON);
    }

    private static RowReader csv(String text) {
        return new RowReader.Csv(0, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "parties");
    }

    @Test
    void aJsonLineOfFiveHundredMegabytesIsRefusedAndTheNextLineRead() throws IOException {
        Filler input = new Filler("{\"type\":\"party\",\"name\":\"", HUGE, 'a', "\",\"kind\":\"state\"}\n"
                + "{\"type\":\"party\",\"name\":\"After\",\"kind\":\"state\"}\n");
        long before = allocatedSoFar();
        List<InputRow> rows;
        try (RowReader reader = new RowReader.JsonLines(0, input, JSON)) {
            rows = all(reader);
            assertEquals(input.length(), reader.bytesRead(), "read to the end");
        }
        assertAllocatedLittleSince(before);
        assertRefusedThenNextRead(rows, 1, "is longer than 8,388,608 characters");
        assertNull(rows.get(0).type());
        assertEquals("party", rows.get(1).type());
    }

    @Test
    void aCsvCellOfFiveHundredMegabytesIsRefusedAndTheNextRecordRead() throws IOException {
        Filler input = new Filler("name,kind\n\"", HUGE, 'B', "\",state\nAfter,state\n");
        long before = allocatedSoFar();
        List<InputRow> rows;
        try (RowReader reader = new RowReader.Csv(0, input, "parties")) {
            rows = all(reader);
        }
        assertAllocatedLittleSince(before);
        assertRefusedThenNextRead(rows, 2, "has a cell longer than 2,000,000 characters");
    }

    @Test
    void anUnclosedQuoteOfHundredsOfMegabytesEndsTheInputWithItsLine() throws IOException {
        Filler input = new Filler("name,kind\nFirst,state\n\"", HUGE, 'B', "");
        long before = allocatedSoFar();
        try (RowReader reader = new RowReader.Csv(0, input, "parties")) {
            assertEquals("First", reader.next().fields().get("name"));
            RowReader.Unreadable unclosed = assertThrows(RowReader.Unreadable.class, reader::next);
            assertEquals(3, unclosed.line);
        }
        assertAllocatedLittleSince(before);
    }

    @Test
    void aLongLineOfManyCellsOrValuesIsRefusedToo() throws IOException {
        List<InputRow> rows = all(csv("name,kind\n" + ",".repeat(RowReader.MAX_CELLS + 5) + "\nAfter,state\n"));
        assertEquals("has more than 1,000 cells", rows.get(0).fields().get(RowReader.ERROR));
        assertEquals("After", rows.get(1).fields().get("name"));

        String values = "[" + "1,".repeat((int) RowReader.MAX_JSON_TOKENS) + "1]";
        rows = all(jsonLines("{\"type\":\"party\",\"aliases\":" + values + "}\n{\"type\":\"party\",\"name\":\"After\"}\n"));
        assertEquals("holds more than 100,000 JSON values, more than any record needs", rows.get(0).fields().get(RowReader.ERROR));
        assertEquals("After", rows.get(1).fields().get("name"));

        RowReader.Unreadable header = assertThrows(RowReader.Unreadable.class,
                () -> all(csv("a".repeat(RowReader.MAX_CELL_CHARS + 1) + ",kind\n")));
        assertEquals(1, header.line);
        assertTrue(header.getMessage().startsWith("The CSV header has a cell longer than"), header.getMessage());
    }

    @Test
    void aLineJustWithinTheBoundIsRead() throws IOException {
        String name = "n".repeat(RowReader.MAX_RECORD_CHARS - "{\"type\":\"party\",\"name\":\"\"}".length());
        List<InputRow> rows = all(jsonLines("{\"type\":\"party\",\"name\":\"" + name + "\"}"));
        assertEquals(name, rows.get(0).fields().get("name"));
    }

    @Test
    void linesEndWithLfCrLfOrCr() throws IOException {
        List<InputRow> rows = all(jsonLines("{\"type\":\"a\"}\r\n{\"type\":\"b\"}\r{\"type\":\"c\"}\n\n{\"type\":\"d\"}"));
        assertEquals(List.of("a 1", "b 2", "c 3", "d 5"), rows.stream().map(r -> r.type() + " " + r.line()).toList());
    }
}
