package org.claimtracker.picture;

import java.util.List;

/**
 * What the pictures share: the frame of every picture (its {@code <svg>} element with title,
 * description and white ground), the ink; and for the bar and column charts marks, legend, axis steps.
 */
final class Charts {

    /** The width of a picture (the matrix alone grows wider with its columns). */
    static final int WIDTH = 960;
    static final String INK = "#1d2327";
    static final String MUTED = "#5c6670";
    static final String GRID = "#d6dbe0";
    static final String FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif";
    static final int LEGEND_SLOT = 186;
    static final int LEGEND_ROW = 22;

    private Charts() {
    }

    /** Opens a picture {@link #WIDTH} wide: see {@link #open(String, String, String, String, int, double, boolean)}. */
    static Svg open(String id, String cssClass, String title, String description, double height, boolean standalone) {
        return open(id, cssClass, title, description, WIDTH, height, standalone);
    }

    /**
     * Opens the svg element of a picture (class {@code chart} and {@code cssClass}; the XML
     * declaration first when {@code standalone}, for a file) with its title and description, which
     * name it for screen readers ({@code id}-title, {@code id}-desc), and paints a white ground.
     */
    static Svg open(String id, String cssClass, String title, String description, int width, double height,
            boolean standalone) {
        Svg svg = new Svg();
        if (standalone) {
            svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
        long h = Math.round(height);
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart " + cssClass, "id", id,
                "viewBox", "0 0 " + width + " " + h, "width", width, "height", h,
                "role", "group", "aria-labelledby", id + "-title", "aria-describedby", id + "-desc",
                "font-family", FONT, "font-size", 12, "fill", INK);
        svg.text("title", title, "id", id + "-title");
        svg.text("desc", description, "id", id + "-desc");
        svg.empty("rect", "x", 0, "y", 0, "width", width, "height", h, "fill", "#ffffff");
        return svg;
    }

    /**
     * One part of a bar or column: a link (keyboard focus, opens what it names) when it has an href,
     * else a group; its title; the rectangle; the series' code (and the value, when {@code withValue}
     * and there is room) drawn on it.
     */
    static void mark(Svg svg, Segment s, double x, double y, double w, double h, boolean withValue) {
        String cls = "mark seg series-" + s.series().key();
        if (s.href() != null) {
            // Its accessible name is its <title> (SVG-AAM), so no aria-label repeats the words.
            svg.open("a", "href", s.href(), "class", cls, "data-series", s.series().key(), "data-value", s.value());
        } else {
            svg.open("g", "class", cls, "data-series", s.series().key(), "data-value", s.value());
        }
        svg.text("title", s.title());
        svg.empty("rect", "x", x, "y", y, "width", Math.max(w, 0.5), "height", Math.max(h, 0.5), "fill", s.series().fill(),
                "stroke", INK, "stroke-width", 1);
        String words = withValue ? s.series().code() + " " + s.value() : s.series().code();
        double room = words.length() * 7.5 + 6;
        if (w < room && withValue) {
            words = s.series().code();
            room = words.length() * 7.5 + 6;
        }
        if (!words.isBlank() && w >= room && h >= 14) {
            svg.text("text", words, "x", x + w / 2, "y", y + h / 2 + 0.5, "text-anchor", "middle",
                    "dominant-baseline", "central", "font-size", 11, "font-weight", 700, "fill", s.series().ink(),
                    "aria-hidden", "true");
        }
        svg.close(s.href() != null ? "a" : "g");
    }

    /**
     * One part of a column that is a link as a whole: a rectangle (class {@code mark}, its value in
     * {@code data-value}) with the series' code on it when there is room; no title of its own.
     */
    static void part(Svg svg, Segment s, double x, double y, double w, double h) {
        // The outline comes from the link around the column (a presentation attribute inherited).
        svg.empty("rect", "class", "mark seg series-" + s.series().key(), "data-value", s.value(), "x", x, "y", y,
                "width", Math.max(w, 0.5), "height", Math.max(h, 0.5), "fill", s.series().fill());
        if (!s.series().code().isBlank() && w >= 14 && h >= 14) {
            svg.text("text", s.series().code(), "x", x + w / 2, "y", y + h / 2 + 0.5, "text-anchor", "middle",
                    "dominant-baseline", "central", "font-size", 11, "font-weight", 700, "fill", s.series().ink(),
                    "stroke", "none", "aria-hidden", "true");
        }
    }

    /** The legend's height for {@code n} entries. */
    static double legendHeight(int n) {
        return ((n + 4) / 5) * LEGEND_ROW;
    }

    /** A swatch with its code and the words of each series, five to a row. */
    static void legend(Svg svg, List<Series> series, List<String> words, double top) {
        svg.open("g", "class", "legend");
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double x = 12 + (i % 5) * LEGEND_SLOT;
            double y = top + (i / 5) * LEGEND_ROW;
            svg.empty("rect", "x", x, "y", y, "width", 22, "height", 16, "fill", s.fill(), "stroke", INK, "stroke-width", 1);
            svg.text("text", s.code(), "x", x + 11, "y", y + 8.5, "text-anchor", "middle", "dominant-baseline", "central",
                    "font-size", 11, "font-weight", 700, "fill", s.ink(), "aria-hidden", "true");
            svg.text("text", words.get(i), "x", x + 28, "y", y + 8, "dominant-baseline", "central", "class", "legend-label");
        }
        svg.close("g");
    }

    /** A round step for an axis up to {@code max} with about {@code ticks} steps: 1, 2 or 5 times a power of ten. */
    static long step(long max, int ticks) {
        double raw = Math.max(1.0, (double) max / ticks);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return Math.max(1, Math.round(nice * power));
    }

    /** The axis' top: {@code max} rounded up to a whole step (at least one step). */
    static long top(long max, long step) {
        return Math.max(step, ((max + step - 1) / step) * step);
    }
}
