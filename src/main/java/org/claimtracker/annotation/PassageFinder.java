package org.claimtracker.annotation;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * Finds an annotation's passage in an article's text, as the Web Annotation model defines its
 * selectors: a TextPositionSelector's start and end (Unicode code points from 0, end exclusive) are
 * checked against the text; a TextQuoteSelector's exact words are looked for when there is no
 * position or the position holds other words, its prefix and suffix choosing among several places
 * (and, after them, the place nearest the position).
 */
final class PassageFinder {

    static final int LONGEST_QUOTE = 4000;

    /** The passage found ({@code reason} resolved or position_corrected) or why none was. */
    record Found(boolean resolved, String reason, String detail, int start, int end, @Nullable String exact) {

        static Found not(String reason, String detail) {
            return new Found(false, reason, detail, -1, -1, null);
        }
    }

    record Quote(String exact, @Nullable String prefix, @Nullable String suffix) {
    }

    record Position(long start, long end) {
    }

    private PassageFinder() {
    }

    static Found find(String text, @Nullable Quote quote, @Nullable Position position) {
        if (quote == null && position == null) {
            return Found.not("no_selector", "The target has neither a TextQuoteSelector nor a TextPositionSelector");
        }
        int length = text.codePointCount(0, text.length());
        boolean positionInText = position != null && position.start() >= 0 && position.start() < position.end()
                && position.end() <= length;
        if (positionInText) {
            int start = (int) position.start();
            int end = (int) position.end();
            String there = slice(text, start, end);
            if (quote == null || there.equals(quote.exact())) {
                if (end - start > LONGEST_QUOTE) {
                    return Found.not("too_long", "The passage is " + (end - start) + " characters long; a quote has at most "
                            + LONGEST_QUOTE);
                }
                return new Found(true, "resolved", "Found at characters " + start + " to " + end, start, end, there);
            }
        }
        if (quote == null) {
            return Found.not("position_out_of_range", "Characters " + position.start() + " to " + position.end()
                    + " do not lie within the article's " + length + " characters");
        }
        int quoteLength = quote.exact().codePointCount(0, quote.exact().length());
        if (quoteLength > LONGEST_QUOTE) {
            return Found.not("too_long", "The quote is " + quoteLength + " characters long; a quote has at most " + LONGEST_QUOTE);
        }
        List<Integer> places = occurrences(text, quote.exact());
        if (places.isEmpty()) {
            String held = positionInText ? "; characters " + position.start() + " to " + position.end() + " hold \""
                    + shorten(slice(text, (int) position.start(), (int) position.end())) + "\"" : "";
            return Found.not("quote_not_found", "The quoted words \"" + shorten(quote.exact()) + "\" are not in the article"
                    + held);
        }
        List<Integer> fitting = fitting(text, places, quoteLength, quote);
        int chosen;
        if (fitting.size() == 1) {
            chosen = fitting.get(0);
        } else if (position != null) {
            long near = position.start();
            chosen = fitting.stream().min((a, b) -> Long.compare(Math.abs(a - near), Math.abs(b - near))).orElseThrow();
        } else {
            return Found.not("ambiguous_quote", "The quoted words stand " + fitting.size() + " times in the article and"
                    + " neither prefix and suffix nor a position tell which is meant");
        }
        int end = chosen + quoteLength;
        if (position != null) {
            return new Found(true, "position_corrected", "The position (characters " + position.start() + " to "
                    + position.end() + ") holds other words; the quote was found at characters " + chosen + " to " + end,
                    chosen, end, quote.exact());
        }
        return new Found(true, "resolved", "Found at characters " + chosen + " to " + end, chosen, end, quote.exact());
    }

    /** The places whose surroundings agree with the prefix and suffix: both if any, else either, else all. */
    private static List<Integer> fitting(String text, List<Integer> places, int quoteLength, Quote quote) {
        List<Integer> both = new ArrayList<>();
        List<Integer> either = new ArrayList<>();
        for (int place : places) {
            int from = text.offsetByCodePoints(0, place);
            int to = text.offsetByCodePoints(from, quoteLength);
            String prefix = quote.prefix();
            String suffix = quote.suffix();
            boolean before = prefix == null || prefix.isEmpty()
                    || from >= prefix.length() && text.startsWith(prefix, from - prefix.length());
            boolean after = suffix == null || suffix.isEmpty() || text.startsWith(suffix, to);
            if (before && after) {
                both.add(place);
            } else if (before || after) {
                either.add(place);
            }
        }
        return !both.isEmpty() ? both : !either.isEmpty() ? either : places;
    }

    /** Every place (in code points) where the words start, overlapping ones included. */
    static List<Integer> occurrences(String text, String words) {
        List<Integer> places = new ArrayList<>();
        if (words.isEmpty()) {
            return places;
        }
        int from = 0;
        int unit;
        int counted = 0;
        int countedTo = 0;
        while ((unit = text.indexOf(words, from)) >= 0) {
            counted += text.codePointCount(countedTo, unit);
            countedTo = unit;
            places.add(counted);
            from = unit + Character.charCount(text.codePointAt(unit));
        }
        return places;
    }

    /** Code points [start, end) of the text. */
    static String slice(String text, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        return text.substring(from, text.offsetByCodePoints(from, end - start));
    }

    private static String shorten(String words) {
        return words.length() > 80 ? words.substring(0, 80) + "…" : words;
    }
}
