package org.claimtracker.position;

import java.nio.charset.StandardCharsets;
import org.claimtracker.core.Page;

/**
 * JSON that PostgreSQL writes: SQL expressions whose value is the compact JSON text Jackson would
 * write for the same values (no spaces, fields in the given order, nulls present), and the page
 * document the tracker wraps around such text without decoding it.
 *
 * <p>Built by concatenation rather than json_build_object and json_agg, which write spaces and line
 * breaks and cost PostgreSQL more (bench/RESULTS.md). Texts and dates go through to_json, which
 * escapes text and writes dates as ISO whatever the session's DateStyle; only the case of hex digits
 * in {@code \\u} escapes differs from Jackson's.
 */
final class SqlJson {

    private static final byte[] ITEMS_KEY = "{\"items\":".getBytes(StandardCharsets.US_ASCII);

    /** An empty array, as {@link #array} gives it for no rows. */
    static final byte[] EMPTY_ARRAY = "[]".getBytes(StandardCharsets.US_ASCII);

    private SqlJson() {
    }

    /** A JSON number: the column as PostgreSQL prints it (ids: bigint, NOT NULL where used). */
    static String number(String column) {
        return column + "::text";
    }

    /** A JSON string or date, never null: the column's to_json. */
    static String text(String column) {
        return "to_json(" + column + ")::text";
    }

    /** A JSON string or date, or null. */
    static String nullable(String column) {
        return "coalesce(to_json(" + column + ")::text, 'null')";
    }

    /**
     * A JSON string of a vocabulary word: the schema's CHECK constraints keep those to [a-z_]+, so
     * there is nothing to escape.
     */
    static String word(String column) {
        return "'\"' || " + column + " || '\"'";
    }

    /** A JSON object: names and the SQL of their values (from this class), alternately. */
    static String object(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        StringBuilder sql = new StringBuilder("('{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            sql.append(i == 0 ? "" : ",").append('"').append(namesAndValues[i]).append("\":' || ")
                    .append(namesAndValues[i + 1]).append(" || '");
        }
        return sql.append("}')").toString();
    }

    /** A JSON object, or null when {@code id} is null (an outer join found nothing). */
    static String optional(String id, String object) {
        return "(case when " + id + " is null then 'null' else " + object + " end)";
    }

    /** An aggregate: the JSON array of {@code element} over the rows, in {@code orderBy}; [] for none. */
    static String array(String element, String orderBy) {
        return "'[' || coalesce(string_agg(" + element + ", ',' order by " + orderBy + "), '') || ']'";
    }

    /**
     * The document of a page, {@code {"items":…,"page":…,"size":…,"total":…}}, as Jackson writes a
     * {@link Page}, around the items' JSON array as PostgreSQL sent it
     * (UTF-8): the tracker neither decodes nor encodes it.
     */
    static byte[] page(byte[] items, int page, int size, long total) {
        byte[] tail = (",\"page\":" + page + ",\"size\":" + size + ",\"total\":" + total + "}")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] json = new byte[ITEMS_KEY.length + items.length + tail.length];
        System.arraycopy(ITEMS_KEY, 0, json, 0, ITEMS_KEY.length);
        System.arraycopy(items, 0, json, ITEMS_KEY.length, items.length);
        System.arraycopy(tail, 0, json, ITEMS_KEY.length + items.length, tail.length);
        return json;
    }
}
