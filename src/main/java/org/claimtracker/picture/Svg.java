package org.claimtracker.picture;

/**
 * A small SVG writer: elements and attributes appended to one buffer, every text and attribute value
 * escaped (so a {@code <script>} in a party's name or a quote is drawn as text), characters XML
 * forbids left out, numbers written with a dot and at most one decimal.
 */
public final class Svg {

    private final StringBuilder out = new StringBuilder(8192);

    /** Opens {@code <name attr="value" ...>}; {@code attrs} are name, value pairs (a null value is left out). */
    public Svg open(String name, Object... attrs) {
        start(name, attrs);
        out.append('>');
        return this;
    }

    /** Writes {@code <name attr="value" .../>}. */
    public Svg empty(String name, Object... attrs) {
        start(name, attrs);
        out.append("/>");
        return this;
    }

    /** Writes {@code <name ...>text</name>} with the text escaped. */
    public Svg text(String name, String text, Object... attrs) {
        open(name, attrs);
        out.append(escape(text));
        return close(name);
    }

    public Svg close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    public Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    private void start(String name, Object... attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(name);
        for (int i = 0; i < attrs.length; i += 2) {
            Object value = attrs[i + 1];
            if (value != null) {
                out.append(' ').append(attrs[i]).append("=\"").append(escape(format(value))).append('"');
            }
        }
    }

    private static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            long whole = Math.round(d);
            if (Math.abs(d - whole) < 0.05) {
                return Long.toString(whole);
            }
            // One decimal, rounded half away from zero as %.1f does, without a Formatter (a picture
            // writes thousands of coordinates).
            long tenths = Math.round(Math.abs(d) * 10);
            return (d < 0 ? "-" : "") + (tenths / 10) + "." + (tenths % 10);
        }
        return String.valueOf(value);
    }

    /** Escapes the five XML specials and drops the characters XML 1.0 does not allow. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        if (plain(text)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    if (allowed) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    /** Whether the text needs no escaping: printable ASCII without the five specials (most numbers, words, links). */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }

    /** The text cut to at most {@code max} code points, with an ellipsis when cut. */
    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
