package org.claimtracker.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.claimtracker.core.ApiProblem;

/**
 * Article text and the quotes taken from it. Offsets count Unicode code points from 0 (as
 * PostgreSQL's char_length and substr do, and as W3C Web Annotation text positions do), so a quote
 * spans [start, end) with end - start equal to its length in code points.
 */
public final class ArticleText {

    private ArticleText() {
    }

    /** Line endings become \n; nothing else changes, so offsets stay meaningful to the reader. */
    public static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** SHA-256 of the UTF-8 text in lower-case hex: the same text ingested twice is one article. */
    public static String contentHash(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Where a quote lies in a text, in code points. */
    public record Span(int start, int end) {
    }

    /**
     * Locates {@code quote} in {@code text}. With {@code start} given, the quote must be found
     * exactly there; otherwise it must occur once, or {@code occurrence} (from 1) says which.
     * Failures name {@code field} (the quote) or {@code startField}.
     */
    public static Span locate(String text, String quote, Integer start, Integer end, Integer occurrence,
            String field, String startField) {
        int quoteLength = quote.codePointCount(0, quote.length());
        List<Integer> found = occurrences(text, quote);
        if (start != null) {
            if (end != null && end - start != quoteLength) {
                throw ApiProblem.invalid(startField.replace("start", "end"),
                        "end - start must equal the quote's length (" + quoteLength + ")");
            }
            if (found.isEmpty()) {
                throw notFound(text, quote, field, startField);
            }
            if (!found.contains(start)) {
                throw ApiProblem.invalid(startField, "The quote is not found at offset " + start + "; it occurs at " + found);
            }
            return new Span(start, start + quoteLength);
        }
        if (found.isEmpty()) {
            throw notFound(text, quote, field, startField);
        }
        if (occurrence != null) {
            if (occurrence < 1 || occurrence > found.size()) {
                throw ApiProblem.invalid(field, "The quote occurs " + found.size() + " time(s); occurrence "
                        + occurrence + " does not exist");
            }
            int at = found.get(occurrence - 1);
            return new Span(at, at + quoteLength);
        }
        if (found.size() > 1) {
            throw ApiProblem.invalid(startField, "The quote occurs " + found.size() + " times, at " + found
                    + "; give start to say which");
        }
        return new Span(found.get(0), found.get(0) + quoteLength);
    }

    /** Code-point offsets of every occurrence of {@code quote} in {@code text}, overlapping ones included. */
    public static List<Integer> occurrences(String text, String quote) {
        List<Integer> result = new ArrayList<>();
        if (quote.isEmpty()) {
            return result;
        }
        int from = 0;
        int lastIndex = 0;
        int lastCodePoints = 0;
        while (true) {
            int index = text.indexOf(quote, from);
            if (index < 0) {
                return result;
            }
            lastCodePoints += text.codePointCount(lastIndex, index);
            lastIndex = index;
            result.add(lastCodePoints);
            from = index + Character.charCount(text.codePointAt(index));
        }
    }

    /**
     * A quote not found verbatim, naming, when there is one, the passage of the article it differs from
     * only typographically (see {@link #nearMiss}): the analyst may quote it as the article writes it
     * (the problem suggests it, and its start, for a form to fill in).
     */
    public static QuoteNotFound notFound(String text, String quote, String field, String startField) {
        Span near = nearMiss(text, quote);
        if (near == null) {
            return new QuoteNotFound(field, "The quote is not found verbatim in the article text", null, null);
        }
        String passage = substring(text, near);
        return new QuoteNotFound(field, "The quote is not found verbatim in the article text. The article has \u201c"
                + passage + "\u201d at " + near.start() + "\u2013" + near.end() + ", which differs from it only in"
                + " quotation marks, dashes or spaces: quote that passage as the article writes it (start "
                + near.start() + ")", passage, near)
                .suggesting(java.util.Map.of(field, passage, startField, Integer.toString(near.start())));
    }

    /** A quote the article does not hold verbatim (422), with the passage it nearly matches, if any. */
    public static final class QuoteNotFound extends ApiProblem {

        private final String passage;
        private final Span span;

        @Override
        public QuoteNotFound suggesting(java.util.Map<String, String> values) {
            super.suggesting(values);
            return this;
        }

        QuoteNotFound(String field, String detail, String passage, Span span) {
            super(422, "Invalid value", field, detail, null);
            this.passage = passage;
            this.span = span;
        }

        /** The article's own words the quote differs from only typographically; null when none. */
        public String passage() {
            return passage;
        }

        /** Where {@link #passage()} lies in the text, in code points; null when there is none. */
        public Span span() {
            return span;
        }
    }

    /**
     * The first passage of {@code text} that matches {@code quote} once both are read alike
     * typographically: straight and curly quotation marks and apostrophes, hyphens and dashes, and runs of
     * white space (no-break spaces included) are each one thing. Null when there is none. Offsets are
     * code points of {@code text}; what is stored stays verbatim, so this only ever suggests.
     */
    public static Span nearMiss(String text, String quote) {
        Folded folded = Folded.of(text);
        String wanted = Folded.of(quote).text.strip();
        if (wanted.isEmpty()) {
            return null;
        }
        int at = folded.text.indexOf(wanted);
        if (at < 0) {
            return null;
        }
        return new Span(folded.starts[at], folded.ends[at + wanted.length() - 1]);
    }

    private static String substring(String text, Span span) {
        int from = text.offsetByCodePoints(0, span.start());
        return text.substring(from, text.offsetByCodePoints(from, span.end() - span.start()));
    }

    /** A text read typographically alike, with the code points each of its characters stands for. */
    private record Folded(String text, int[] starts, int[] ends) {

        static Folded of(String original) {
            StringBuilder out = new StringBuilder();
            int[] starts = new int[original.length()];
            int[] ends = new int[original.length()];
            int codePoint = 0;
            for (int i = 0; i < original.length(); codePoint++) {
                int c = original.codePointAt(i);
                i += Character.charCount(c);
                int folded = fold(c);
                if (folded == ' ' && out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                    ends[out.length() - 1] = codePoint + 1;
                    continue;
                }
                // a character outside the Basic Multilingual Plane takes two chars, both for its one code point
                for (int k = 0; k < Character.charCount(folded); k++) {
                    starts[out.length() + k] = codePoint;
                    ends[out.length() + k] = codePoint + 1;
                }
                out.appendCodePoint(folded);
            }
            return new Folded(out.toString(), starts, ends);
        }

        private static int fold(int c) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return ' ';
            }
            return switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`' -> '\'';
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                default -> c;
            };
        }
    }
}
