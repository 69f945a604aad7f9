package org.claimtracker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainFieldsTest {

    record NoteRequest(Long ownerId, String note, LocalDate seenOn, Integer count, List<String> tags) {
    }

    /** Stands in for an entity: public fields, some a service sets itself. */
    static class Noted {
        public Object owner;
        public String note;
        public LocalDate seenOn;
        public Integer count;
        public List<String> tags;
    }

    static class WrongTags {
        public String note;
        public LocalDate seenOn;
        public Integer count;
        public List<Integer> tags;
    }

    @Test
    void plainComponentsAreCopiedByNameWithTextStripped() {
        Noted target = new Noted();
        PlainFields.copy(new NoteRequest(7L, "  kept  ", LocalDate.of(2020, 1, 2), 3, List.of("a")), target, "ownerId");
        assertEquals("kept", target.note);
        assertEquals(LocalDate.of(2020, 1, 2), target.seenOn);
        assertEquals(3, target.count);
        assertEquals(List.of("a"), target.tags);
        assertNull(target.owner);
    }

    record NoteView(long id, String note, LocalDate seenOn, Integer count) {
    }

    @Test
    void plainValuesGoByNameIntoColumnsAndBackIntoAnAnswer() {
        NoteRequest request = new NoteRequest(7L, "  kept ", LocalDate.of(2020, 1, 2), null, List.of());
        assertEquals(List.of("note", "seenOn", "count"), PlainFields.names(NoteRequest.class, "ownerId", "tags"));
        java.util.Map<String, Object> values = PlainFields.values(request, "ownerId", "tags");
        assertEquals(java.util.Arrays.asList("kept", LocalDate.of(2020, 1, 2), null), new java.util.ArrayList<>(values.values()));
        assertEquals("seen_on", PlainFields.column("seenOn"));
        assertEquals("casualties_low", PlainFields.column("casualtiesLow"));
        java.util.Map<String, Object> answer = new java.util.HashMap<>(values);
        answer.put("id", 9L);
        assertEquals(new NoteView(9, "kept", LocalDate.of(2020, 1, 2), null), PlainFields.construct(NoteView.class, answer));
        // A component left without a value is a mistake, named.
        answer.remove("count");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlainFields.construct(NoteView.class, answer));
        assertEquals(true, e.getMessage().contains("count"));
    }

    enum Mood { calm, tense }

    record MoodRequest(Long ownerId, Mood mood, LocalDate seenOn, Integer count) {
    }

    @Test
    void aOneStatementInsertNamesThePlainColumnsAndReadsThemFromOneJsonObject() {
        assertEquals("insert into t (id, mood, seen_on, count) select 1, plain.mood, plain.seen_on, plain.count",
                PlainFields.insert("insert into t (id, PLAIN_COLUMNS) select 1, PLAIN_VALUES", MoodRequest.class, "ownerId"));
        MoodRequest request = new MoodRequest(7L, Mood.tense, LocalDate.of(2020, 1, 2), null);
        // Words and dates as text, as jsonb_populate_record reads them; nulls kept.
        assertEquals("{\"mood\":\"tense\",\"seen_on\":\"2020-01-02\",\"count\":null}",
                PlainFields.json(PlainFields.values(request, "ownerId")));
    }

    @Test
    void blankTextIsStoredAsNull() {
        Noted target = new Noted();
        target.note = "old";
        PlainFields.copy(new NoteRequest(null, "   ", null, null, null), target, "ownerId");
        assertNull(target.note);
    }

    @Test
    void aComponentWithoutAFieldOfItsNameMustBeHandledExplicitly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlainFields.copy(new NoteRequest(1L, "n", null, null, null), new Noted()));
        assertEquals(true, e.getMessage().contains("ownerId"));
    }

    @Test
    void aFieldOfAnotherTypeIsNotCopied() {
        assertThrows(IllegalArgumentException.class,
                () -> PlainFields.copy(new NoteRequest(1L, "n", null, null, List.of()), new WrongTags(), "ownerId"));
    }

    @Test
    void aHandledNameThatIsNoComponentIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PlainFields.copy(new NoteRequest(1L, "n", null, null, null), new Noted(), "ownerId", "owner"));
    }
}
