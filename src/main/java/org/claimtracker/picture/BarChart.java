package org.claimtracker.picture;

import java.util.List;

/**
 * Horizontal stacked bars drawn as SVG on the server: one bar per row (a party, or a party's whole
 * record), one part per series with a value, its width in proportion to the value on a scale shared
 * by every row, the series' code and value drawn on each part wide enough to hold them, the row's
 * total at its end. Every part that opens something is an SVG {@code <a>} (keyboard focus) with a
 * {@code <title>}; no script and no style attribute, as {@link TimelineChart}.
 */
public final class BarChart {

    /** One bar: its label (drawn in the gutter; a link when {@code href} is set), its parts, in order. */
    public record Row(String label, String href, List<Segment> segments) {

        public long total() {
            return segments.stream().mapToLong(Segment::value).sum();
        }
    }

    static final int BAR = 26;
    static final int GAP = 8;
    static final int TOP = 12;
    static final int RIGHT = 72;

    private BarChart() {
    }

    /**
     * The picture. {@code gutter} is the width given to the rows' labels (0: none drawn); the legend
     * shows {@code legend} with {@code legendWords} beside each swatch; {@code standalone} adds the
     * XML declaration a file needs.
     */
    public static String render(String id, String title, String description, List<Row> rows, int gutter,
            List<Series> legend, List<String> legendWords, boolean standalone) {
        long max = Math.max(1, rows.stream().mapToLong(Row::total).max().orElse(0));
        double plot = Charts.WIDTH - gutter - RIGHT - 12;
        double legendTop = TOP + Math.max(1, rows.size()) * (BAR + GAP) + 10;
        double height = legendTop + Charts.legendHeight(legend.size()) + 6;
        Svg svg = Charts.open(id, "bar-chart", title, description, height, standalone);
        if (rows.isEmpty()) {
            svg.text("text", "Nothing to draw yet.", "x", 12, "y", TOP + BAR / 2.0, "dominant-baseline", "central",
                    "fill", Charts.MUTED, "class", "empty");
        }
        svg.open("g", "class", "bars");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double y = TOP + i * (BAR + GAP);
            svg.open("g", "class", "bar");
            if (gutter > 0) {
                if (row.href() != null) {
                    svg.open("a", "href", row.href(), "class", "row-link", "aria-label", row.label());
                }
                svg.open("text", "x", 8, "y", y + BAR / 2.0, "dominant-baseline", "central", "class", "row-label");
                svg.text("title", row.label());
                svg.raw(Svg.escape(Svg.shorten(row.label(), gutter / 7)));
                svg.close("text");
                if (row.href() != null) {
                    svg.close("a");
                }
            }
            double x = gutter + 6;
            for (Segment s : row.segments()) {
                if (s.value() <= 0) {
                    continue;
                }
                double w = s.value() / (double) max * plot;
                Charts.mark(svg, s, x, y, w, BAR, true);
                x += w;
            }
            svg.text("text", Long.toString(row.total()), "x", x + 6, "y", y + BAR / 2.0, "dominant-baseline", "central",
                    "fill", Charts.MUTED, "class", "total");
            svg.close("g");
        }
        svg.close("g");
        Charts.legend(svg, legend, legendWords, legendTop);
        svg.close("svg");
        return svg.toString();
    }
}
