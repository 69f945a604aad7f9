package org.claimtracker.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the importer reads CSV (Jackson's parser with the tracker's bounds): cells, lines counted
 * from where each record starts, and what it says about input it cannot use.
 */
class RowReaderCsvTest {

    private static List<InputRow> rows(String text, String type) throws IOException {
        return rows(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), type);
    }

    private static List<InputRow> rows(InputStream input, String type) throws IOException {
        List<InputRow> rows = new ArrayList<>();
        try (RowReader reader = new RowReader.Csv(0, input, type)) {
            for (InputRow row; (row = reader.next()) != null; ) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String described(InputRow row) {
        return row.line() + " " + (row.type() == null ? row.fields().get(RowReader.ERROR) : row.fields());
    }

    @Test
    void quotedCellsHoldCommasQuotesAndLineBreaksAndLinesCountFromEachRecordsStart() throws IOException {
        List<InputRow> rows = rows("\uFEFFtype,name,kind\r\n"
                + "party,\"Comma, quote \"\"x\"\"\",state\r\n"
                + "\n"
                + "party,\"Two\nlines\r\nand three\",\"\"\r\n"
                + "   \n"
                + "party,Last,state", null);
        assertEquals(List.of("2 {name=Comma, quote \"x\", kind=state}", "4 {name=Two\nlines\r\nand three, kind=null}",
                "8 {name=Last, kind=state}"), rows.stream().map(RowReaderCsvTest::described).toList());
        assertEquals("party", rows.get(0).type());
    }

    @Test
    void aClaimRowCarriesItsSourceAndAWrongNumberOfCellsIsABadRow() throws IOException {
        List<InputRow> rows = rows("claimant,article,quote,quoteStart\nA,https://a.example/1,\"said, so\",4\nB,C\n", "claims");
        assertEquals(List.of(Map.of("article", "https://a.example/1", "quote", "said, so", "quoteStart", "4")),
                rows.get(0).fields().get("sources"));
        assertEquals("3 has 2 cells but the header has 4", described(rows.get(1)));
    }

    @Test
    void recordsMayEndInCrAlone() throws IOException {
        assertEquals(List.of("2 {name=A, kind=state}", "3 {name=B, kind=state}"),
                rows("name,kind\rA,state\rB,state\r", "parties").stream().map(RowReaderCsvTest::described).toList());
    }

    @Test
    void textAfterAClosingQuoteIsABadRowAndTheNextRecordIsRead() throws IOException {
        List<InputRow> rows = rows("name,kind\n\"Said \"no\" twice\",state\nAfter,state\n", "parties");
        assertNull(rows.get(0).type());
        assertEquals(2, rows.get(0).line());
        assertTrue(rows.get(0).fields().get(RowReader.ERROR).toString().startsWith("has a character after the closing quote"),
                rows.get(0).fields().toString());
        assertEquals("3 {name=After, kind=state}", described(rows.get(1)));
    }

    @Test
    void anUnclosedQuoteEndsTheInputWithItsLineAndSoDoBytesThatAreNotUtf8() {
        RowReader.Unreadable unclosed = assertThrows(RowReader.Unreadable.class,
                () -> rows("name,kind\nA,state\n\"B\nC,state\n", "parties"));
        assertEquals(5, unclosed.line);
        assertEquals("A quoted CSV cell is not closed before the end of the input", unclosed.getMessage());

        byte[] latin1 = "name,kind\nA,state\nB\u00e9,state\n".getBytes(StandardCharsets.ISO_8859_1);
        RowReader.Unreadable notUtf8 = assertThrows(RowReader.Unreadable.class,
                () -> rows(new ByteArrayInputStream(latin1), "parties"));
        // The line is where the reader was when the decoder failed (as before: it decodes ahead in blocks).
        assertEquals("The input is not valid UTF-8 (on this line)", notUtf8.getMessage());
    }

    @Test
    void aCellOfTheLongestLengthIsKeptAndOneCharacterMoreIsNot() throws IOException {
        String longest = "x".repeat(RowReader.MAX_CELL_CHARS);
        for (String quote : List.of("", "\"")) {
            List<InputRow> rows = rows("name,kind\n" + quote + longest + quote + ",state\n"
                    + quote + longest + "y" + quote + ",state\nAfter,state\n", "parties");
            assertEquals(longest, rows.get(0).fields().get("name"));
            assertEquals("3 has a cell longer than 2,000,000 characters; the longest field, an article's text, holds at most"
                    + " 1,000,000", described(rows.get(1)));
            assertEquals("4 {name=After, kind=state}", described(rows.get(2)));
        }
    }
}
