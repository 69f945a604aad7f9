package org.claimtracker.position;

import static org.claimtracker.position.SqlJson.array;
import static org.claimtracker.position.SqlJson.nullable;
import static org.claimtracker.position.SqlJson.number;
import static org.claimtracker.position.SqlJson.object;
import static org.claimtracker.position.SqlJson.optional;
import static org.claimtracker.position.SqlJson.text;
import static org.claimtracker.position.SqlJson.word;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.core.Page;
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
}
