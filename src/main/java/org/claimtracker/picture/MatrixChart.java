package org.claimtracker.picture;

import static org.claimtracker.picture.Charts.INK;
import static org.claimtracker.picture.Charts.MUTED;

import java.util.List;
import java.util.Map;

/**
 * Who accuses whom, drawn as SVG on the server: a row per claimant, a column per accused party, and
 * in each cell the number of claims with, beneath it, a bar split by what the accused made of them
 * (denied, confirmed, partially confirmed, left unresolved, withdrawn), each part in the
 * {@link Palette}'s colour of that position and lettered where it is wide enough. A cell with claims
 * is an SVG {@code <a>} (keyboard focus; it opens the list of those claims) with a {@code <title>}
 * that says the counts in words. No script and no style attribute, as in {@link TimelineChart}.
 */
public final class MatrixChart {

    /** One cell: its row and column (indexes into the names), claims per position, link and words. */
    public record Cell(int row, int col, Map<PositionStyle, Integer> counts, String href, String title) {
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The parts of a cell's bar, in this order. */
    public static final List<PositionStyle> PARTS = List.of(PositionStyle.DENIED, PositionStyle.CONFIRMED,
            PositionStyle.PARTIALLY_CONFIRMED, PositionStyle.UNRESOLVED, PositionStyle.WITHDRAWN);

    static final int GUTTER = 250;
    static final int HEAD = 150;
    static final int CELL_W = 64;
    static final int CELL_H = 46;
    static final int GAP = 3;
    static final int BAR_H = 15;

    private MatrixChart() {
    }

    /**
     * The picture. {@code rows} are the claimants' names, {@code cols} the accused parties' names;
     * {@code id} prefixes the ids inside it; {@code standalone} adds the XML declaration a file needs.
     */
    public static String render(String id, String title, String description, List<String> rows, List<String> cols,
            List<Cell> cells, boolean standalone) {
        int width = Math.max(780, GUTTER + cols.size() * (CELL_W + GAP) + 120);
        int gridBottom = HEAD + rows.size() * (CELL_H + GAP);
        int legendTop = gridBottom + (rows.isEmpty() ? 40 : 24);
        int height = legendTop + 56;

        Svg svg = Charts.open(id, "matrix-chart", title, description, width, height, standalone);

        svg.open("g", "class", "axes");
        svg.text("text", "Claimant ↓  accuses  accused →", "x", 8, "y", HEAD - 10, "font-weight", 600, "fill", MUTED);
        if (rows.isEmpty()) {
            svg.text("text", "No claims with an accused party match these filters.", "x", 8, "y", HEAD + 16, "fill", MUTED);
        }
        for (int r = 0; r < rows.size(); r++) {
            double y = HEAD + r * (CELL_H + GAP) + CELL_H / 2.0;
            svg.empty("rect", "x", 0, "y", HEAD + r * (CELL_H + GAP) - GAP / 2.0, "width", width, "height", CELL_H + GAP,
                    "fill", r % 2 == 0 ? "#f3f5f7" : "#ffffff");
            svg.open("text", "class", "row-name", "x", GUTTER - 10, "y", y, "text-anchor", "end", "dominant-baseline", "central",
                    "font-weight", 600);
            svg.text("title", rows.get(r));
            svg.raw(Svg.escape(Svg.shorten(rows.get(r), 30)));
            svg.close("text");
        }
        for (int c = 0; c < cols.size(); c++) {
            double x = GUTTER + c * (CELL_W + GAP) + CELL_W / 2.0;
            svg.open("text", "class", "col-name", "x", x, "y", HEAD - 8, "font-weight", 600,
                    "transform", String.format(java.util.Locale.ROOT, "rotate(-40 %.1f %d)", x, HEAD - 8));
            svg.text("title", cols.get(c));
            svg.raw(Svg.escape(Svg.shorten(cols.get(c), 22)));
            svg.close("text");
        }
        svg.close("g");

        svg.open("g", "class", "cells");
        for (Cell cell : cells) {
            int total = cell.total();
            if (total == 0) {
                continue;
            }
            double x = GUTTER + cell.col() * (CELL_W + GAP);
            double y = HEAD + cell.row() * (CELL_H + GAP);
            svg.open("a", "href", cell.href(), "class", "mark cell", "aria-label", cell.title(),
                    "data-row", cell.row(), "data-col", cell.col(), "data-count", total);
            svg.text("title", cell.title());
            svg.empty("rect", "x", x, "y", y, "width", CELL_W, "height", CELL_H, "rx", 3, "fill", "#ffffff",
                    "stroke", INK, "stroke-width", 1.5);
            svg.text("text", Integer.toString(total), "x", x + CELL_W / 2.0, "y", y + 14, "text-anchor", "middle",
                    "dominant-baseline", "central", "font-size", 14, "font-weight", 700, "class", "count");
            double barX = x + 4;
            double barW = CELL_W - 8;
            double barY = y + CELL_H - BAR_H - 4;
            double at = barX;
            for (PositionStyle part : PARTS) {
                int n = cell.counts().getOrDefault(part, 0);
                if (n == 0) {
                    continue;
                }
                double w = barW * n / total;
                svg.empty("rect", "class", "part " + part.cssName(), "x", at, "y", barY, "width", w, "height", BAR_H,
                        "fill", part.fill(), "stroke", INK, "stroke-width", 0.6);
                if (w >= 11) {
                    svg.text("text", part.code, "x", at + w / 2, "y", barY + BAR_H / 2.0 + 0.5, "text-anchor", "middle",
                            "dominant-baseline", "central", "font-size", 10, "font-weight", 700, "fill", part.ink(),
                            "aria-hidden", "true");
                }
                at += w;
            }
            svg.close("a");
        }
        svg.close("g");

        svg.open("g", "class", "legend");
        svg.text("text", "Number of claims; the bar beneath: what the accused made of them", "x", 8, "y", legendTop,
                "fill", MUTED);
        int slot = 0;
        for (PositionStyle part : PARTS) {
            double lx = 8 + slot * 150;
            double ly = legendTop + 14;
            svg.empty("rect", "x", lx, "y", ly, "width", 22, "height", BAR_H, "fill", part.fill(), "stroke", INK, "stroke-width", 0.6);
            svg.text("text", part.code, "x", lx + 11, "y", ly + BAR_H / 2.0 + 0.5, "text-anchor", "middle", "dominant-baseline",
                    "central", "font-size", 10, "font-weight", 700, "fill", part.ink());
            svg.text("text", part.label, "x", lx + 28, "y", ly + BAR_H / 2.0, "dominant-baseline", "central");
            slot++;
        }
        svg.close("g");
        svg.close("svg");
        return svg.toString();
    }
}
