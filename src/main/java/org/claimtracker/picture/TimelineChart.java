package org.claimtracker.picture;

import static org.claimtracker.picture.Charts.INK;
import static org.claimtracker.picture.Charts.MUTED;
import static org.claimtracker.picture.Charts.WIDTH;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A timeline drawn as SVG on the server: one lane per party, a mark per event at its date (a square
 * for a claim being made, a circle for a response, filled from the {@link Palette} and carrying its
 * code), arrows between marks, dates on an axis above. Marks of one lane that would touch are put on
 * rows of their own, so any number of events on one day stay apart. Every mark that has a link is an
 * SVG {@code <a>} (keyboard focus, the link opens the record) with its {@code <title>} (shown on hover
 * and read by screen readers). No script and no style attribute: colours are presentation attributes,
 * which the pages' Content-Security-Policy allows and a downloaded file keeps.
 */
public final class TimelineChart {

    /** One event: {@code key} names it for arrows, {@code lane} is the party's name (one lane each). */
    public record Mark(String key, LocalDate date, String lane, Palette style, String href, String title) {
    }

    /**
     * An arrow from one mark to another: a response to the claim it answers, or ({@code counter}) a
     * counter-attribution to the new claim it makes. Arrows to a mark not drawn are left out.
     */
    public record Arrow(String fromKey, String toKey, boolean counter) {
    }

    static final int GUTTER = 190;
    static final int RIGHT = 28;
    static final int AXIS_Y = 34;
    static final int ROW = 26;
    static final int LANE_PAD = 8;
    static final int RADIUS = 9;
    /** The lines of the reading strip, where the hovered or focused mark's words are shown. */
    static final int READING_LINES = 4;
    static final int LINE = 16;
    static final int READING_CHARS = 130;
    /** Marks closer than this on one row move to another row. */
    static final int SPACING = 2 * RADIUS + 6;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private TimelineChart() {
    }

    /**
     * The picture. {@code id} prefixes the ids inside it (one picture per page); {@code standalone}
     * adds the XML declaration a file needs.
     */
    public static String render(String id, String title, String description, List<Mark> marks, List<Arrow> arrows,
            boolean standalone) {
        LocalDate first = marks.stream().map(Mark::date).min(LocalDate::compareTo).orElse(LocalDate.now());
        LocalDate last = marks.stream().map(Mark::date).max(LocalDate::compareTo).orElse(first);
        long span = ChronoUnit.DAYS.between(first, last);
        double pad = Math.max(0.6, span * 0.04);
        double from = first.toEpochDay() - pad;
        double to = last.toEpochDay() + pad;
        double plot = WIDTH - GUTTER - RIGHT;

        // Lanes in order of first appearance; rows within a lane so that marks never overlap.
        Map<String, List<double[]>> rowsEnd = new LinkedHashMap<>();
        Map<String, double[]> placed = new HashMap<>();
        Map<Mark, double[]> at = new LinkedHashMap<>();
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort((a, b) -> a.date().compareTo(b.date()));
        Map<String, Integer> laneRows = new LinkedHashMap<>();
        for (Mark m : marks) {
            laneRows.putIfAbsent(m.lane(), 1);
            rowsEnd.putIfAbsent(m.lane(), new ArrayList<>());
        }
        Map<Mark, Integer> rowOf = new HashMap<>();
        for (Mark m : sorted) {
            double x = GUTTER + (m.date().toEpochDay() - from) / (to - from) * plot;
            List<double[]> ends = rowsEnd.get(m.lane());
            int row = 0;
            while (row < ends.size() && ends.get(row)[0] + SPACING > x) {
                row++;
            }
            if (row == ends.size()) {
                ends.add(new double[] {x});
            } else {
                ends.get(row)[0] = x;
            }
            rowOf.put(m, row);
            at.put(m, new double[] {x, 0});
            laneRows.merge(m.lane(), row + 1, Math::max);
        }
        Map<String, double[]> laneBox = new LinkedHashMap<>();
        double y = AXIS_Y + 10;
        for (Map.Entry<String, Integer> lane : laneRows.entrySet()) {
            double height = lane.getValue() * ROW + 2 * LANE_PAD;
            laneBox.put(lane.getKey(), new double[] {y, height});
            y += height;
        }
        double lanesBottom = y;
        for (Mark m : sorted) {
            double[] box = laneBox.get(m.lane());
            double[] xy = at.get(m);
            xy[1] = box[0] + LANE_PAD + rowOf.get(m) * ROW + ROW / 2.0;
            placed.putIfAbsent(m.key(), xy);
        }
        double readingTop = lanesBottom + 8;
        double legendTop = readingTop + READING_LINES * LINE + 2 * LANE_PAD + 14;
        int legendRows = (Palette.values().length + 2 + 4) / 5;
        double height = legendTop + legendRows * 22 + 8;

        Svg svg = Charts.open(id, "timeline-chart", title, description, height, standalone);
        svg.open("defs");
        arrowHead(svg, id + "-answers", MUTED);
        arrowHead(svg, id + "-counter", Palette.COUNTER_ATTRIBUTES.fill);
        svg.close("defs");

        // Lanes: a band each, the party's name in the gutter.
        svg.open("g", "class", "lanes");
        int index = 0;
        for (Map.Entry<String, double[]> lane : laneBox.entrySet()) {
            double[] box = lane.getValue();
            svg.open("g", "class", "lane");
            svg.empty("rect", "x", 0, "y", box[0], "width", WIDTH, "height", box[1],
                    "fill", index++ % 2 == 0 ? "#f3f5f7" : "#ffffff");
            svg.open("text", "x", 8, "y", box[0] + LANE_PAD + ROW / 2.0, "dominant-baseline", "central", "font-weight", 600,
                    "class", "lane-name");
            svg.text("title", lane.getKey());
            svg.raw(Svg.escape(Svg.shorten(lane.getKey(), 26)));
            svg.close("text");
            svg.close("g");
        }
        svg.close("g");

        // The axis: ticks and light lines across the lanes.
        svg.open("g", "class", "axis", "aria-hidden", "true");
        svg.empty("line", "x1", GUTTER, "y1", AXIS_Y, "x2", WIDTH - RIGHT, "y2", AXIS_Y, "stroke", MUTED);
        for (Tick t : ticks(first, last, from, to)) {
            double x = GUTTER + (t.date().toEpochDay() - from) / (to - from) * plot;
            svg.empty("line", "x1", x, "y1", AXIS_Y, "x2", x, "y2", lanesBottom, "stroke", "#d6dbe0", "stroke-dasharray", "2 3");
            svg.empty("line", "x1", x, "y1", AXIS_Y - 5, "x2", x, "y2", AXIS_Y, "stroke", MUTED);
            svg.text("text", t.label(), "x", x, "y", AXIS_Y - 10, "text-anchor", "middle", "fill", MUTED, "class", "tick");
        }
        svg.close("g");

        // Arrows under the marks, shortened to stop at the marks' edges.
        svg.open("g", "class", "arrows", "fill", "none");
        for (Arrow a : arrows) {
            double[] p = placed.get(a.fromKey());
            double[] q = placed.get(a.toKey());
            if (p == null || q == null) {
                continue;
            }
            double dx = q[0] - p[0];
            double dy = q[1] - p[1];
            double length = Math.hypot(dx, dy);
            if (length < 2 * RADIUS + 6) {
                continue;
            }
            // A curve, bent to one side (answers going up to the right, down to the left), so that an
            // arrow between marks stacked on one day passes beside the marks between them.
            double ux = dx / length;
            double uy = dy / length;
            double bend = Math.abs(dx) < 2 * SPACING ? Math.min(70, Math.max(22, length * 0.3)) : length * 0.1;
            double cx = (p[0] + q[0]) / 2 - uy * bend;
            double cy = (p[1] + q[1]) / 2 + ux * bend;
            double[] start = towards(p, cx, cy, RADIUS + 2);
            double[] end = towards(q, cx, cy, RADIUS + 4);
            svg.empty("path", "class", a.counter() ? "arrow counter" : "arrow",
                    "d", String.format(Locale.ROOT, "M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f", start[0], start[1], cx, cy, end[0], end[1]),
                    "stroke", a.counter() ? Palette.COUNTER_ATTRIBUTES.fill : MUTED, "stroke-width", a.counter() ? 2 : 1.3,
                    "stroke-dasharray", a.counter() ? "6 3" : null,
                    "marker-end", "url(#" + id + (a.counter() ? "-counter" : "-answers") + ")");
        }
        svg.close("g");

        // The reading strip: a hint, covered by the words of whichever mark is hovered or focused.
        svg.open("g", "class", "reading", "aria-hidden", "true");
        svg.empty("rect", "x", 0, "y", readingTop, "width", WIDTH, "height", READING_LINES * LINE + 2 * LANE_PAD,
                "fill", "#ffffff", "stroke", "#d6dbe0");
        svg.text("text", "Hover over or tab to a mark to read what was said here.", "x", 12, "y", readingTop + LANE_PAD + LINE / 2.0,
                "dominant-baseline", "central", "fill", MUTED);
        svg.close("g");

        // The marks.
        svg.open("g", "class", "marks");
        for (Map.Entry<Mark, double[]> e : at.entrySet()) {
            Mark m = e.getKey();
            double[] xy = e.getValue();
            String kind = m.style() == Palette.CLAIM ? "claim" : "response";
            String cls = "mark " + kind + " stance-" + m.style().cssName();
            if (m.href() != null) {
                svg.open("a", "href", m.href(), "class", cls, "aria-label", m.title(), "data-key", m.key());
            } else {
                svg.open("g", "class", cls, "tabindex", 0, "aria-label", m.title(), "data-key", m.key());
            }
            svg.text("title", m.title());
            shape(svg, m.style(), xy[0], xy[1]);
            reading(svg, m.title(), readingTop);
            svg.close(m.href() != null ? "a" : "g");
        }
        svg.close("g");

        // The legend: every entry of the palette, and the two arrows.
        svg.open("g", "class", "legend");
        int slot = 0;
        for (Palette p : Palette.values()) {
            double lx = 12 + (slot % 5) * 186;
            double ly = legendTop + (slot / 5) * 22;
            shape(svg, p, lx + RADIUS, ly + RADIUS);
            svg.text("text", p == Palette.CLAIM ? "claim made" : p.label, "x", lx + 2 * RADIUS + 6, "y", ly + RADIUS,
                    "dominant-baseline", "central");
            slot++;
        }
        for (boolean counter : new boolean[] {false, true}) {
            double lx = 12 + (slot % 5) * 186;
            double ly = legendTop + (slot / 5) * 22 + RADIUS;
            svg.empty("line", "x1", lx, "y1", ly, "x2", lx + 26, "y2", ly,
                    "stroke", counter ? Palette.COUNTER_ATTRIBUTES.fill : MUTED, "stroke-width", counter ? 2 : 1.3,
                    "stroke-dasharray", counter ? "6 3" : null, "marker-end", "url(#" + id + (counter ? "-counter)" : "-answers)"));
            svg.text("text", counter ? "to its new claim" : "answers the claim", "x", lx + 34, "y", ly, "dominant-baseline", "central");
            slot++;
        }
        svg.close("g");
        svg.close("svg");
        return svg.toString();
    }

    /**
     * A mark's words in the reading strip, hidden (display="none", so a downloaded file shows none of
     * them); admin.css shows them while the mark is hovered or focused, since a title tooltip never
     * appears for the keyboard.
     */
    private static void reading(Svg svg, String words, double top) {
        svg.open("g", "class", "tip", "display", "none", "aria-hidden", "true");
        svg.empty("rect", "x", 1, "y", top + 1, "width", WIDTH - 2, "height", READING_LINES * LINE + 2 * LANE_PAD - 2, "fill", "#fffbe6");
        List<String> lines = wrap(words, READING_CHARS, READING_LINES);
        for (int i = 0; i < lines.size(); i++) {
            svg.text("text", lines.get(i), "x", 12, "y", top + LANE_PAD + LINE / 2.0 + i * LINE, "dominant-baseline", "central");
        }
        svg.close("g");
    }

    /** The words in lines of at most {@code width} characters, at most {@code most} lines (the last cut with an ellipsis). */
    static List<String> wrap(String words, int width, int most) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : Svg.shorten(words, width * most * 2).split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word.length() > width ? Svg.shorten(word, width) : word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() > most) {
            List<String> kept = new ArrayList<>(lines.subList(0, most));
            String last = kept.get(most - 1);
            kept.set(most - 1, (last.length() >= width ? last.substring(0, width - 1) : last) + "…");
            return kept;
        }
        return lines;
    }

    /** The point {@code by} away from {@code p} towards (x, y). */
    private static double[] towards(double[] p, double x, double y, double by) {
        double length = Math.hypot(x - p[0], y - p[1]);
        return new double[] {p[0] + (x - p[0]) / length * by, p[1] + (y - p[1]) / length * by};
    }

    private static void arrowHead(Svg svg, String id, String colour) {
        svg.open("marker", "id", id, "viewBox", "0 0 10 10", "refX", 8, "refY", 5, "markerWidth", 7, "markerHeight", 7,
                "orient", "auto-start-reverse", "markerUnits", "userSpaceOnUse");
        svg.empty("path", "d", "M0,0 L10,5 L0,10 z", "fill", colour);
        svg.close("marker");
    }

    private static void shape(Svg svg, Palette style, double x, double y) {
        if (style == Palette.CLAIM) {
            svg.empty("rect", "x", x - RADIUS, "y", y - RADIUS, "width", 2 * RADIUS, "height", 2 * RADIUS, "rx", 2,
                    "fill", style.fill, "stroke", INK, "stroke-width", 2);
        } else {
            svg.empty("circle", "cx", x, "cy", y, "r", RADIUS, "fill", style.fill, "stroke", INK, "stroke-width", 1.5);
            svg.text("text", style.code, "x", x, "y", y + 0.5, "text-anchor", "middle", "dominant-baseline", "central",
                    "font-size", 11, "font-weight", 700, "fill", style.ink(), "aria-hidden", "true");
        }
    }

    /** A tick on the date axis. */
    record Tick(LocalDate date, String label) {
    }

    /**
     * Ticks at days, weeks (Mondays), months, quarters or years, whichever gives at most about eight
     * between {@code first} and {@code last}; the year is written on the first tick and where it changes.
     */
    static List<Tick> ticks(LocalDate first, LocalDate last, double from, double to) {
        long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
        List<Tick> ticks = new ArrayList<>();
        LocalDate start = LocalDate.ofEpochDay((long) Math.ceil(from));
        LocalDate end = LocalDate.ofEpochDay((long) Math.floor(to));
        if (span <= 60) {
            int step = span <= 8 ? 1 : span <= 16 ? 2 : 7;
            LocalDate d = step == 7 ? start.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)) : start;
            Integer year = null;
            for (; !d.isAfter(end); d = d.plusDays(step)) {
                ticks.add(new Tick(d, (year == null || year != d.getYear() ? DAY_YEAR : DAY).format(d)));
                year = d.getYear();
            }
            return ticks;
        }
        long months = ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1));
        if (months <= 96) {
            int step = months <= 8 ? 1 : months <= 24 ? 3 : months <= 48 ? 6 : 12;
            LocalDate d = start.withDayOfMonth(1);
            if (d.isBefore(start)) {
                d = d.plusMonths(1);
            }
            while ((d.getMonthValue() - 1) % step != 0) {
                d = d.plusMonths(1);
            }
            for (; !d.isAfter(end); d = d.plusMonths(step)) {
                ticks.add(new Tick(d, step == 12 ? Integer.toString(d.getYear()) : MONTH.format(d)));
            }
            return ticks;
        }
        long years = last.getYear() - first.getYear();
        int step = years <= 10 ? 1 : years <= 25 ? 5 : 10;
        LocalDate d = start.withDayOfYear(1);
        if (d.isBefore(start)) {
            d = d.plusYears(1);
        }
        while (d.getYear() % step != 0) {
            d = d.plusYears(1);
        }
        for (; !d.isAfter(end); d = d.plusYears(step)) {
            ticks.add(new Tick(d, Integer.toString(d.getYear())));
        }
        return ticks;
    }
}
