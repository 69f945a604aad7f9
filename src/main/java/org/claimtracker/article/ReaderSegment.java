package org.claimtracker.article;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A run of article text with the quotes that cover it (none for plain text), and the anchors of the
 * quotes that start where it starts ({@code quote-<start>-<end>}, code-point offsets: what a search
 * hit or any other page links to).
 */
public record ReaderSegment(String text, List<QuoteMark> marks, List<String> anchors) {

    /** The anchor of the quote at these code-point offsets in the reader. */
    public static String anchor(int start, int end) {
        return "quote-" + start + "-" + end;
    }

    public boolean marked() {
        return !marks.isEmpty();
    }

    /** "claim" or "response" (the first covering quote decides the colour). */
    public String kind() {
        return marks.isEmpty() ? "" : marks.get(0).kind();
    }

    public String link() {
        return marks.isEmpty() ? "" : marks.get(0).link();
    }

    public String title() {
        return String.join("\n", marks.stream().map(QuoteMark::label).toList());
    }

    /**
     * Cuts the text at every quote boundary so that each segment is covered by the same quotes
     * throughout; overlapping quotes are kept.
     */
    public static List<ReaderSegment> split(String text, List<QuoteMark> marks) {
        int length = text.codePointCount(0, text.length());
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
        for (QuoteMark mark : marks) {
            cuts.add(Math.min(mark.start(), length));
            cuts.add(Math.min(mark.end(), length));
        }
        List<ReaderSegment> segments = new ArrayList<>();
        Integer previous = null;
        int previousIndex = 0;
        for (int cut : cuts) {
            int index = text.offsetByCodePoints(previousIndex, cut - (previous == null ? 0 : previous));
            if (previous != null && cut > previous) {
                int from = previous;
                int to = cut;
                List<QuoteMark> covering = marks.stream().filter(m -> m.start() <= from && m.end() >= to).toList();
                List<String> anchors = covering.stream().filter(m -> m.start() == from).map(m -> anchor(m.start(), m.end()))
                        .distinct().toList();
                segments.add(new ReaderSegment(text.substring(previousIndex, index), covering, anchors));
            }
            previous = cut;
            previousIndex = index;
        }
        return segments;
    }
}
