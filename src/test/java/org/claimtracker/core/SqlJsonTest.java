package org.claimtracker.core;

import static org.claimtracker.core.SqlJson.array;
import static org.claimtracker.core.SqlJson.nullable;
import static org.claimtracker.core.SqlJson.number;
import static org.claimtracker.core.SqlJson.object;
import static org.claimtracker.core.SqlJson.optional;
import static org.claimtracker.core.SqlJson.text;
import static org.claimtracker.core.SqlJson.word;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The SQL that PostgreSQL evaluates into JSON must give the text Jackson writes for the same values;
 * checked on the server itself (plain JDBC, no application, no schema), with text that needs escaping.
 */
class SqlJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static final String AWKWARD = "\"caf\u00e9\" at V\\W\nhit\tby B \uD83D\uDE42 \u0007\u001b \u2014 </script>";

    /** Two rows t(id, name, day, note, kind, other_id), one of them with awkward text and nulls. */
    private static final String ROWS = " from (values (1::bigint, ?::text, date '2020-03-10', null::text, 'partially_confirmed',"
            + " null::bigint), (2::bigint, 'plain', date '1999-12-31', 'a note', 'denied', 7::bigint))"
            + " as t(id, name, day, note, kind, other_id)";

    private static String evaluate(String selectList, String where) throws Exception {
        try (Connection connection = TestDatabase.connectAsAdministrator("postgres");
                PreparedStatement statement = connection.prepareStatement("select " + selectList + ROWS + where)) {
            statement.setString(1, AWKWARD);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new String(result.getBytes(1), StandardCharsets.UTF_8);
            }
        }
    }

    private static Map<String, Object> row(long id, String name, String day, String note, String kind, Long otherId) {
        Map<String, Object> other = null;
        if (otherId != null) {
            other = new LinkedHashMap<>();
            other.put("id", otherId);
            other.put("kind", kind);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("day", day);
        row.put("note", note);
        row.put("kind", kind);
        row.put("other", other);
        return row;
    }

    private static final String ROW = object("id", number("t.id"), "name", text("t.name"), "day", text("t.day"),
            "note", nullable("t.note"), "kind", word("t.kind"),
            "other", optional("t.other_id", object("id", number("t.other_id"), "kind", word("t.kind"))));

    @Test
    void rowsComeOutAsJacksonWritesThemInOrderAndCompact() throws Exception {
        String sql = evaluate(array(ROW, "t.id desc"), "");
        String jackson = JACKSON.writeValueAsString(List.of(row(2, "plain", "1999-12-31", "a note", "denied", 7L),
                row(1, AWKWARD, "2020-03-10", null, "partially_confirmed", null)));
        // The same text but for the case of hex digits in \\u escapes, and as compact.
        assertEquals(jackson, JACKSON.writeValueAsString(JACKSON.readTree(sql)));
        assertEquals(jackson.length(), sql.length());
        assertEquals(jackson.toLowerCase(), sql.toLowerCase());
    }

    enum Word { denied, partially_confirmed }

    /** ROW's fields as a record: its plain fields read from the columns of their names. */
    record Listed(long id, String name, LocalDate day, String note, Word kind, Map<String, Object> other) {
    }

    @Test
    void aRecordsPlainFieldsAreReadFromTheColumnsOfTheirNames() throws Exception {
        String record = SqlJson.record(Listed.class, "t", Map.of("other",
                optional("t.other_id", object("id", number("t.other_id"), "kind", word("t.kind")))));
        assertEquals(evaluate(array(ROW, "t.id desc"), ""), evaluate(array(record, "t.id desc"), ""));
        // A field that is no plain column must be given; a given field must be one of the record's.
        assertThrows(IllegalArgumentException.class, () -> SqlJson.record(Listed.class, "t", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> SqlJson.record(Listed.class, "t",
                Map.of("other", "null", "others", "null")));
    }

    @Test
    void noRowsMakeAnEmptyArray() throws Exception {
        assertEquals("[]", evaluate(array(ROW, "t.id"), " where false"));
        assertArrayEquals("[]".getBytes(StandardCharsets.US_ASCII), SqlJson.EMPTY_ARRAY);
    }

    @Test
    void namesAndValuesComeInPairs() {
        assertThrows(IllegalArgumentException.class, () -> object("id", number("t.id"), "name"));
    }

    @Test
    void aPageIsWrappedAroundItsItemsAsJacksonWritesAPage() throws Exception {
        List<Map<String, Object>> items = List.of(row(1, AWKWARD, "2020-03-10", null, "denied", 3L));
        byte[] itemsJson = JACKSON.writeValueAsBytes(items);
        byte[] page = SqlJson.page(itemsJson, 2, 10, 31);
        assertArrayEquals(JACKSON.writeValueAsBytes(new Page<>(items, 2, 10, 31)), page);
        // The items' bytes pass through untouched (UTF-8 as PostgreSQL sent them).
        assertArrayEquals(itemsJson, Arrays.copyOfRange(page, "{\"items\":".length(),
                "{\"items\":".length() + itemsJson.length));
        assertArrayEquals(JACKSON.writeValueAsBytes(new Page<>(List.of(), 0, 20, 0)),
                SqlJson.page(SqlJson.EMPTY_ARRAY, 0, 20, 0));
    }

    /** Every control character, and a backslash followed by what looks like an escape. */
    private static String controls() {
        StringBuilder text = new StringBuilder("x\\u00ab y \\\\u001b ");
        for (char c = 1; c < 0x20; c++) {
            text.append(c);
        }
        return text.append("\u007f\u00e9 \uD83D\uDE42\uD83C\uDDFA\uD83C\uDDE6 \uDBFF\uDFFF end").toString();
    }

    @Test
    void escapesTakeJacksonsUpperCaseHexDigits() throws Exception {
        String text = controls();
        try (Connection connection = TestDatabase.connectAsAdministrator("postgres");
                PreparedStatement statement = connection.prepareStatement("select " + text("?::text")
                        + " || " + nullable("null::text"))) {
            statement.setString(1, text);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                byte[] sql = result.getBytes(1);
                // Jackson's UTF-8 writer (what the API answers with) escapes the emoji; its String writer does not.
                assertEquals(new String(JACKSON.writeValueAsBytes(text), StandardCharsets.UTF_8) + "null",
                        new String(SqlJson.jacksonEscapes(sql), StandardCharsets.UTF_8));
            }
        }
        byte[] plain = "{\"a\":\"\\\\\"}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(plain.clone(), SqlJson.jacksonEscapes(plain), "an escaped backslash last");
    }

    /**
     * Timestamps as the application's Jackson writes the OffsetDateTime that Hibernate reads (at UTC),
     * whatever the session's TimeZone.
     */
    @Test
    void timestampsComeOutAsJacksonWritesThemAtUtc() throws Exception {
        ObjectMapper quarkusLike = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        List<String> stamps = List.of("2021-05-03T10:00:00Z", "2021-05-03T10:00:00.120Z", "2021-05-04T23:59:59.000001+02:00",
                "2021-05-05T00:00:00.1+05:45", "1999-12-31T23:59:59.999999-01:00", "2026-12-07T06:26:33.654321Z",
                "2024-02-29T12:30:00.5-09:30", "0999-01-01T00:00:00Z");
        for (String zone : List.of("UTC", "Asia/Kathmandu", "America/St_Johns")) {
            try (Connection connection = TestDatabase.connectAsAdministrator("postgres")) {
                // (The driver refuses any DateStyle but ISO; to_char's pattern ignores it anyway.)
                try (PreparedStatement set = connection.prepareStatement("select set_config('TimeZone', ?, false)")) {
                    set.setString(1, zone);
                    set.executeQuery().close();
                }
                for (String stamp : stamps) {
                    try (PreparedStatement statement = connection.prepareStatement("select "
                            + SqlJson.timestamp("?::timestamptz"))) {
                        statement.setString(1, stamp);
                        try (ResultSet result = statement.executeQuery()) {
                            result.next();
                            // Hibernate hands a timestamptz over at UTC; Jackson writes the offset it carries.
                            OffsetDateTime read = OffsetDateTime.parse(stamp).withOffsetSameInstant(ZoneOffset.UTC);
                            assertEquals(quarkusLike.writeValueAsString(read), result.getString(1),
                                    stamp + " in a session at " + zone);
                        }
                    }
                }
            }
        }
    }

    /** The check that keeps GET /api/claims/{id} on Jackson when the application's mapper writes otherwise. */
    @Test
    void aMapperConfiguredOtherwiseIsNoticed() {
        // As Quarkus builds it: no time zone of its own (quarkus.jackson.timezone UTC, the default).
        JsonMapper.Builder quarkusLike = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        assertTrue(SqlJson.writesAsJackson(quarkusLike.build()));
        assertFalse(SqlJson.writesAsJackson(quarkusLike.build().setTimeZone(TimeZone.getTimeZone("Europe/Paris"))));
        assertFalse(SqlJson.writesAsJackson(quarkusLike.build().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)));
        assertFalse(SqlJson.writesAsJackson(quarkusLike.build()
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)));
        assertFalse(SqlJson.writesAsJackson(new ObjectMapper()), "no support for java.time");
    }
}
