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
            if (!found.contains(start)) {
                throw ApiProblem.invalid(startField, found.isEmpty()
                        ? "The quote is not found verbatim in the article text"
                        : "The quote is not found at offset " + start + "; it occurs at " + found);
            }
            return new Span(start, start + quoteLength);
        }
        if (found.isEmpty()) {
            throw ApiProblem.invalid(field, "The quote is not found verbatim in the article text");
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
}
