package org.claimtracker.picture;

import java.util.List;

/**
 * Vertical columns drawn as SVG on the server: one group per category along the axis (a month, or a
 * span of days), one or more columns in each group (claims beside responses), each column a stack of
 * parts, one per series with a value, heights on one scale with round steps on the left. Labels
 * below the axis are thinned so that they never overlap. Parts that open something are SVG
 * {@code <a>} elements with a {@code <title>}, as in {@link BarChart}.
 */
public final class ColumnChart {

    /**
     * One column: its parts, stacked from the axis up. With an {@code href}, the whole column is one
     * link with one {@code title} (a month opens one page, whichever part is clicked), which keeps
     * a picture of many months small; without, each part is a mark of its own with its title.
     */
    public record Column(List<Segment> segments, String href, String title) {

        public Column(List<Segment> segments) {
            this(segments, null, null);
        }

        public long total() {
            return segments.stream().mapToLong(Segment::value).sum();
        }
    }

    /** One category along the axis: its label and its columns, side by side. */
    public record Group(String label, List<Column> columns) {
    }

    static final int LEFT = 60;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int PLOT = 220;
    static final int LABELS = 34;
    static final int MAX_COLUMN = 44;

    private ColumnChart() {
    }

    /** The picture; {@code axisLabel} names what the columns count. */
    public static String render(String id, String title, String description, List<Group> groups, String axisLabel,
            List<Series> legend, List<String> legendWords, boolean standalone) {
        long max = groups.stream().flatMap(g -> g.columns().stream()).mapToLong(Column::total).max().orElse(0);
        long step = Charts.step(max, 4);
        long top = Charts.top(max, step);
        double plotWidth = Charts.WIDTH - LEFT - RIGHT;
        double base = TOP + PLOT;
        double legendTop = base + LABELS + 8;
        double height = legendTop + Charts.legendHeight(legend.size()) + 6;
        Svg svg = Charts.open(id, "column-chart", title, description, height, standalone);

        // The value axis: round steps and light lines across.
        svg.open("g", "class", "axis", "aria-hidden", "true");
        for (long v = 0; v <= top; v += step) {
            double y = base - v / (double) top * PLOT;
            svg.empty("line", "x1", LEFT, "y1", y, "x2", Charts.WIDTH - RIGHT, "y2", y, "stroke", v == 0 ? Charts.MUTED : Charts.GRID,
                    "stroke-dasharray", v == 0 ? null : "2 3");
            svg.text("text", Long.toString(v), "x", LEFT - 6, "y", y, "text-anchor", "end", "dominant-baseline", "central",
                    "fill", Charts.MUTED, "class", "tick");
        }
        svg.open("text", "x", 14, "y", TOP + PLOT / 2.0, "text-anchor", "middle", "fill", Charts.MUTED,
                "transform", "rotate(-90 14 " + (TOP + PLOT / 2) + ")");
        svg.raw(Svg.escape(axisLabel));
        svg.close("text");
        svg.close("g");

        if (groups.isEmpty()) {
            svg.text("text", "Nothing to draw yet.", "x", LEFT + 12, "y", TOP + PLOT / 2.0, "dominant-baseline", "central",
                    "fill", Charts.MUTED, "class", "empty");
        }
        double groupWidth = groups.isEmpty() ? plotWidth : plotWidth / groups.size();
        int longest = groups.stream().mapToInt(g -> g.label().length()).max().orElse(1);
        int every = (int) Math.max(1, Math.ceil((longest * 6.5 + 8) / groupWidth));
        svg.open("g", "class", "columns");
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            double gx = LEFT + i * groupWidth;
            int k = Math.max(1, g.columns().size());
            // Columns no wider than MAX_COLUMN, so that a few months do not fill the picture with two slabs.
            double inner = Math.min(groupWidth * (groupWidth >= 6 ? 0.8 : 1.0), MAX_COLUMN * k);
            double columnWidth = inner / k;
            svg.open("g", "class", "group", "data-label", g.label());
            for (int c = 0; c < g.columns().size(); c++) {
                double x = gx + (groupWidth - inner) / 2 + c * columnWidth;
                double y = base;
                Column column = g.columns().get(c);
                boolean linked = column.href() != null && column.total() > 0;
                if (linked) {
                    svg.open("a", "href", column.href(), "class", "column-link", "stroke", Charts.INK);
                    svg.text("title", column.title());
                }
                for (Segment s : column.segments()) {
                    if (s.value() <= 0) {
                        continue;
                    }
                    double h = s.value() / (double) top * PLOT;
                    y -= h;
                    if (linked) {
                        Charts.part(svg, s, x, y, columnWidth, h);
                    } else {
                        Charts.mark(svg, s, x, y, columnWidth, h, false);
                    }
                }
                if (linked) {
                    svg.close("a");
                }
            }
            if (i % every == 0) {
                svg.text("text", g.label(), "x", gx + groupWidth / 2, "y", base + 16, "text-anchor", "middle",
                        "fill", Charts.MUTED, "class", "category", "aria-hidden", "true");
            }
            svg.close("g");
        }
        svg.close("g");
        Charts.legend(svg, legend, legendWords, legendTop);
        svg.close("svg");
        return svg.toString();
    }
}
