package org.claimtracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.claimtracker.core.Ref;
import org.claimtracker.core.Versioned;
import org.junit.jupiter.api.Test;

class RecordFormsTest {

    enum Colour { red, green }

    record NoteRequest(String note, LocalDate seenOn, Integer count, Long total, BigDecimal share, Colour colour,
            boolean done, List<String> tags, Long ownerId) {
    }

    record NoteDetail(long id, String note, LocalDate seenOn, Integer count, Long total, BigDecimal share, Colour colour,
            boolean done, List<String> tags, Ref owner, long version) implements Versioned {
    }

    record Picked(Ref owner) {
    }

    private static Form posted(Map<String, String> values) {
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        values.forEach(params::add);
        return Form.of(params);
    }

    @Test
    void aRequestIsReadFromInputsNamedLikeItsComponents() {
        Form form = posted(Map.of("note", "  a note ", "seenOn", "2020-03-04", "count", "3", "total", "12",
                "share", "0.5", "colour", "green", "done", "true", "tags", "x\n\n y \n", "owner", "Someone [#9]"));
        NoteRequest request = form.read(NoteRequest.class, Map.of("ownerId", () -> form.id("owner")));
        assertEquals(new NoteRequest("a note", LocalDate.of(2020, 3, 4), 3, 12L, new BigDecimal("0.5"), Colour.green,
                true, List.of("x", "y"), 9L), request);
        assertFalse(form.hasErrors());
    }

    @Test
    void whatDoesNotParseIsMarkedAtItsInput() {
        Form form = posted(Map.of("seenOn", "March", "count", "many", "total", "1.5", "colour", "blue"));
        NoteRequest request = form.read(NoteRequest.class, Map.of("ownerId", () -> null));
        assertNull(request.seenOn());
        assertNull(request.note());
        assertFalse(request.done());
        assertEquals("Enter a date as YYYY-MM-DD", form.error("seenOn"));
        assertEquals("Enter a whole number", form.error("count"));
        assertEquals("Enter a whole number", form.error("total"));
        assertEquals("Choose one of the options", form.error("colour"));
    }

    @Test
    void aComponentOfNoPlainTypeNeedsItsReading() {
        assertThrows(IllegalArgumentException.class, () -> posted(Map.of()).read(Picked.class));
        assertThrows(IllegalArgumentException.class, () -> posted(Map.of()).read(NoteRequest.class,
                Map.of("ownerId", () -> null, "owner", () -> null)));
        assertThrows(IllegalArgumentException.class, () -> posted(Map.of()).read(NoteRequest.class,
                Map.of("ownerId", () -> "9")));
    }

    @Test
    void aStoredRecordFillsTheInputsItSharesWithTheRequest() {
        NoteDetail stored = new NoteDetail(5, "kept", LocalDate.of(2020, 3, 4), 3, null, new BigDecimal("0.50"), Colour.red,
                true, List.of("x", "y"), new Ref(9, "Someone"), 4);
        Form form = Form.filled(stored, NoteRequest.class);
        assertEquals("kept", form.value("note"));
        assertEquals("2020-03-04", form.value("seenOn"));
        assertEquals("3", form.value("count"));
        assertFalse(form.has("total"));
        assertEquals("0.50", form.value("share"));
        assertEquals("red", form.value("colour"));
        assertEquals("true", form.value("done"));
        assertEquals("x\ny", form.value("tags"));
        assertEquals("4", form.value("version"));
        assertFalse(form.has("id"));
        assertFalse(form.has("owner"));
    }

    @Test
    void aPlainFieldRoundTripsThroughTheForm() {
        NoteDetail stored = new NoteDetail(5, "kept", LocalDate.of(2020, 3, 4), 3, 7L, null, Colour.red, false, List.of(),
                null, 1);
        Form form = Form.filled(stored, NoteRequest.class);
        NoteRequest request = form.read(NoteRequest.class, Map.of("ownerId", () -> null));
        assertEquals(new NoteRequest("kept", LocalDate.of(2020, 3, 4), 3, 7L, null, Colour.red, false, List.of(), null),
                request);
        assertTrue(form.id("version") == 1L);
    }
}
