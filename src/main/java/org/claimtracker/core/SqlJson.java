package org.claimtracker.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON that PostgreSQL writes: SQL expressions whose value is the compact JSON text Jackson would
 * write for the same values (no spaces, fields in the given order, nulls present), and the page
 * document the tracker wraps around such text without decoding it. Used where a hot read answers
 * what PostgreSQL wrote (a party's page of claims, one claim).
 *
 * <p>Built by concatenation rather than json_build_object and json_agg, which write spaces and line
 * breaks and cost PostgreSQL more (bench/RESULTS.md). Texts and dates go through to_json, which
 * escapes text and writes dates as ISO whatever the session's DateStyle; only the case of hex digits
 * in {@code \\u} escapes, and characters beyond the Basic Multilingual Plane (which Jackson's UTF-8
 * writer escapes), differ from the bytes Jackson writes ({@link #jacksonEscapes} makes them the same).
 */
public final class SqlJson {

    private static final byte[] ITEMS_KEY = "{\"items\":".getBytes(StandardCharsets.US_ASCII);

    /** What {@link #writesAsJackson} has the mapper write. */
    record Probe(String text, LocalDate day, OffsetDateTime at, Integer none) {
    }

    /** The bytes this class's SQL (after {@link #jacksonEscapes}) gives for the {@link Probe} below. */
    private static final byte[] PROBE_JSON = ("{\"text\":\"a\\u001B\\uD83D\\uDE42\",\"day\":\"2000-01-02\","
            + "\"at\":\"2000-01-01T00:00:00.12Z\",\"none\":null}").getBytes(StandardCharsets.US_ASCII);

    /**
     * Whether {@code mapper} writes as this class's SQL does: dates as ISO text, an offset date-time
     * at UTC (as Hibernate reads a timestamptz) as {@link #timestamp} does, nulls present, control
     * characters and emoji escaped as {@link #jacksonEscapes} escapes them. A tracker whose Jackson is
     * configured otherwise (QUARKUS_JACKSON_TIMEZONE set to another zone, which makes Jackson convert
     * every offset date-time to it; dates as numbers; nulls left out) answers through Jackson
     * instead, so that the two never differ.
     */
    public static boolean writesAsJackson(ObjectMapper mapper) {
        Probe probe = new Probe("a\u001b\uD83D\uDE42", LocalDate.of(2000, 1, 2),
                OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 120_000_000, ZoneOffset.UTC), null);
        try {
            return Arrays.equals(PROBE_JSON, mapper.writeValueAsBytes(probe));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** An empty array, as {@link #array} gives it for no rows. */
    public static final byte[] EMPTY_ARRAY = "[]".getBytes(StandardCharsets.US_ASCII);

    private SqlJson() {
    }

    /** A JSON number: the column as PostgreSQL prints it (ids: bigint, NOT NULL where used). */
    public static String number(String column) {
        return column + "::text";
    }

    /** A JSON number (an integer column), or null. */
    public static String nullableNumber(String column) {
        return "coalesce(" + column + "::text, 'null')";
    }

    /** A JSON string or date, never null: the column's to_json. */
    public static String text(String column) {
        return "to_json(" + column + ")::text";
    }

    /** A JSON string or date, or null. */
    public static String nullable(String column) {
        return "coalesce(to_json(" + column + ")::text, 'null')";
    }

    /**
     * A JSON string of a vocabulary word: the schema's CHECK constraints keep those to [a-z_]+, so
     * there is nothing to escape.
     */
    public static String word(String column) {
        return "'\"' || " + column + " || '\"'";
    }

    /** A vocabulary word, or null. */
    public static String nullableWord(String column) {
        return "coalesce('\"' || " + column + " || '\"', 'null')";
    }

    /**
     * A timestamptz (NOT NULL) as the application's Jackson writes the OffsetDateTime Hibernate reads
     * from it: Hibernate (through the driver) hands it over at UTC, and Jackson writes the offset the
     * value carries (the mapper has no time zone of its own unless QUARKUS_JACKSON_TIMEZONE names one
     * other than UTC: {@link #writesAsJackson}), so ISO 8601 ending in Z, seconds always, the fraction
     * without trailing zeros and left out when whole ({@code 2021-05-03T10:00:00.12Z}).
     * {@code at time zone 'UTC'} and to_char's explicit pattern make it the same whatever the
     * session's TimeZone and DateStyle. The colons are quoted text of the pattern ({@code ":"}), so that
     * no {@code :MI} or {@code :SS} stands in the statement for pgbench to take for a variable when
     * bench/run.sh replays it.
     */
    public static String timestamp(String column) {
        return "'\"' || rtrim(rtrim(to_char(" + column + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24\":\"MI\":\"SS.US'),"
                + " '0'), '.') || 'Z\"'";
    }

    /** A JSON object: names and the SQL of their values (from this class), alternately. */
    public static String object(String... namesAndValues) {
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

    /**
     * A record as a JSON object, its fields in the record's order: {@code composed} gives the SQL of the
     * fields that are not simply a column of {@code alias} (references, lists, computed values); every
     * other component is read from the column of its name in snake case ({@link PlainFields#column}),
     * written by its type: a number, a text or date, a vocabulary word (all nullable). So a plain field
     * added to the record is written with no line of its own.
     */
    public static String record(Class<? extends Record> type, String alias, Map<String, String> composed) {
        List<String> namesAndValues = new ArrayList<>();
        Set<String> unused = new HashSet<>(composed.keySet());
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            unused.remove(name);
            String column = alias + "." + PlainFields.column(name);
            Class<?> kind = component.getType();
            String value = composed.containsKey(name) ? composed.get(name)
                    : kind == long.class || kind == int.class ? number(column)
                    : kind == Long.class || kind == Integer.class ? nullableNumber(column)
                    : kind == String.class || kind == LocalDate.class ? nullable(column)
                    : kind.isEnum() ? nullableWord(column) : null;
            if (value == null) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + name + " is a " + kind.getSimpleName()
                        + ": give its SQL among the composed fields");
            }
            namesAndValues.add(name);
            namesAndValues.add(value);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no component " + unused);
        }
        return object(namesAndValues.toArray(String[]::new));
    }

    /** A JSON object, or null when {@code id} is null (an outer join found nothing). */
    public static String optional(String id, String object) {
        return "(case when " + id + " is null then 'null' else " + object + " end)";
    }

    /** An aggregate: the JSON array of {@code element} over the rows, in {@code orderBy}; [] for none. */
    public static String array(String element, String orderBy) {
        return "'[' || coalesce(string_agg(" + element + ", ',' order by " + orderBy + "), '') || ']'";
    }

    /**
     * The document of a page, {@code {"items":…,"page":…,"size":…,"total":…}}, as Jackson writes a
     * {@link Page}, around the items' JSON array as PostgreSQL sent it
     * (UTF-8): the tracker neither decodes nor encodes it.
     */
    public static byte[] page(byte[] items, int page, int size, long total) {
        byte[] tail = (",\"page\":" + page + ",\"size\":" + size + ",\"total\":" + total + "}")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] json = new byte[ITEMS_KEY.length + items.length + tail.length];
        System.arraycopy(ITEMS_KEY, 0, json, 0, ITEMS_KEY.length);
        System.arraycopy(items, 0, json, ITEMS_KEY.length, items.length);
        System.arraycopy(tail, 0, json, ITEMS_KEY.length + items.length, tail.length);
        return json;
    }

    /**
     * The JSON (UTF-8, as PostgreSQL wrote it) as Jackson writes the same values to bytes: the hex
     * digits of {@code \\u} escapes in upper case (PostgreSQL writes {@code \\u001b}, Jackson
     * {@code \\u001B}), and every character outside the Basic Multilingual Plane (an emoji: four
     * bytes of UTF-8) as the escapes of its two UTF-16 surrogates, {@code \\uD83D\\uDE42}, as
     * Jackson's UTF-8 writer does. Outside strings JSON has no backslash and no byte above 127, and
     * inside one every backslash starts an escape, so reading escape by escape finds every
     * {@code \\u} and nothing else. Escapes are changed in place; only when there is a character
     * to escape is a longer copy made. Two passes over the bytes, no decoding.
     */
    public static byte[] jacksonEscapes(byte[] json) {
        int supplementary = 0;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (b == '\\') {
                i++;
                if (i < json.length && json[i] == 'u') {
                    for (int j = i + 1; j <= i + 4 && j < json.length; j++) {
                        if (json[j] >= 'a' && json[j] <= 'f') {
                            json[j] -= 'a' - 'A';
                        }
                    }
                    i += 4;
                }
            } else if ((b & 0xF8) == 0xF0) {
                supplementary++;
                i += 3;
            }
        }
        if (supplementary == 0) {
            return json;
        }
        byte[] escaped = new byte[json.length + 8 * supplementary];
        int out = 0;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if ((b & 0xF8) == 0xF0) {
                int codePoint = (b & 0x07) << 18 | (json[i + 1] & 0x3F) << 12 | (json[i + 2] & 0x3F) << 6
                        | json[i + 3] & 0x3F;
                out = escape(escaped, out, Character.highSurrogate(codePoint));
                out = escape(escaped, out, Character.lowSurrogate(codePoint));
                i += 3;
            } else {
                escaped[out++] = b;
            }
        }
        return escaped;
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private static int escape(byte[] into, int at, char c) {
        into[at++] = '\\';
        into[at++] = 'u';
        into[at++] = HEX[c >> 12 & 0xF];
        into[at++] = HEX[c >> 8 & 0xF];
        into[at++] = HEX[c >> 4 & 0xF];
        into[at++] = HEX[c & 0xF];
        return at;
    }
}
