package org.claimtracker.picture;

import static org.claimtracker.picture.Charts.INK;
import static org.claimtracker.picture.Charts.MUTED;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Incidents on a map, drawn as SVG on the server: the countries' outlines from {@link WorldOutlines}
 * (no tile server, nothing fetched), an equirectangular projection whose standard parallel is the
 * middle of the region shown, the region fitted around the marks (the whole world when there are
 * none). A circle per incident at its coordinates, its area growing with the highest casualty figure
 * claimed (dashed and smallest when no figure was claimed), filled and lettered by the accused
 * party's position ({@link PositionStyle}). Every mark is an SVG {@code <a>} to the incident with a
 * {@code <title>}; no script and no style attribute, as in {@link TimelineChart}.
 */
public final class WorldMap {

    /** One incident: where, the highest casualty figure claimed (or null), the accused's position, link, words. */
    public record Mark(String key, double latitude, double longitude, Integer casualties, PositionStyle style,
            String href, String title) {
    }

    /** As wide as every picture. */
    static final int WIDTH = Charts.WIDTH;
    static final int MAP_X = 0;
    static final int MAP_Y = 0;
    static final int MAP_H = 520;
    static final double MIN_R = 8;
    static final double MAX_R = 26;
    private static final List<PositionStyle> LEGEND = List.of(PositionStyle.DENIED, PositionStyle.CONFIRMED,
            PositionStyle.PARTIALLY_CONFIRMED, PositionStyle.UNRESOLVED, PositionStyle.WITHDRAWN, PositionStyle.MIXED,
            PositionStyle.NONE);

    private WorldMap() {
    }

    /** The region shown: west, south, east, north in degrees and pixels per degree of latitude. */
    record Region(double west, double south, double east, double north, double k, double cos) {
        double x(double lon) {
            return MAP_X + (lon - west) * k * cos;
        }

        double y(double lat) {
            return MAP_Y + (north - lat) * k;
        }
    }

    /** The region that holds every mark with a margin, widened to fill the map's box. */
    static Region region(List<Mark> marks) {
        double west = -180;
        double east = 180;
        double south = -58;
        double north = 84;
        if (!marks.isEmpty()) {
            west = marks.stream().mapToDouble(Mark::longitude).min().orElseThrow();
            east = marks.stream().mapToDouble(Mark::longitude).max().orElseThrow();
            south = marks.stream().mapToDouble(Mark::latitude).min().orElseThrow();
            north = marks.stream().mapToDouble(Mark::latitude).max().orElseThrow();
            double padLon = Math.max(4, (east - west) * 0.2);
            double padLat = Math.max(3, (north - south) * 0.2);
            west -= padLon;
            east += padLon;
            south -= padLat;
            north += padLat;
        }
        double mid = (south + north) / 2;
        double cos = Math.max(0.2, Math.cos(Math.toRadians(mid)));
        double spanLon = east - west;
        double spanLat = north - south;
        double k = Math.min(WIDTH / (spanLon * cos), MAP_H / spanLat);
        double wantLon = WIDTH / (k * cos);
        double wantLat = MAP_H / k;
        double centreLon = (west + east) / 2;
        double centreLat = (south + north) / 2;
        return new Region(centreLon - wantLon / 2, centreLat - wantLat / 2, centreLon + wantLon / 2, centreLat + wantLat / 2, k, cos);
    }

    /** The radius of a mark: area in proportion to its casualty figure among the marks'. */
    static double radius(Integer casualties, int most) {
        if (casualties == null || most <= 0) {
            return MIN_R;
        }
        return MIN_R + (MAX_R - MIN_R) * Math.sqrt(Math.max(0, casualties) / (double) most);
    }

    /**
     * The picture. {@code id} prefixes the ids inside it; {@code attribution} names where the outlines
     * come from; {@code standalone} adds the XML declaration a file needs.
     */
    public static String render(String id, String title, String description, List<Mark> marks, String attribution,
            boolean standalone) {
        Region r = region(marks);
        int most = marks.stream().map(Mark::casualties).filter(c -> c != null).mapToInt(Integer::intValue).max().orElse(0);
        int legendTop = MAP_Y + MAP_H + 18;
        int height = legendTop + 84;

        Svg svg = Charts.open(id, "world-map", title, description, height, standalone);

        // Sea, land and a graticule, in map units scaled to the region (lines stay one pixel wide).
        double u = WorldOutlines.UNIT;
        svg.open("svg", "class", "land", "x", MAP_X, "y", MAP_Y, "width", WIDTH, "height", MAP_H, "aria-hidden", "true",
                "preserveAspectRatio", "none", "viewBox", String.format(Locale.ROOT, "%.2f %.2f %.2f %.2f",
                        r.west() * u, -r.north() * u, (r.east() - r.west()) * u, (r.north() - r.south()) * u));
        svg.empty("rect", "x", r.west() * u, "y", -r.north() * u, "width", (r.east() - r.west()) * u,
                "height", (r.north() - r.south()) * u, "fill", "#e8f1f8");
        // The path data is the tracker's own (letters M, L, Z, digits, commas, minus signs): written as it is,
        // since escaping a quarter of a megabyte character by character would be most of the request's cost.
        svg.raw("<path class=\"countries\" d=\"" + WorldOutlines.within(r.west(), r.south(), r.east(), r.north())
                + "\" fill=\"#f6f3ea\" stroke=\"#8d99a3\" stroke-width=\"0.8\" stroke-linejoin=\"round\""
                + " vector-effect=\"non-scaling-stroke\" fill-rule=\"evenodd\"/>");
        svg.close("svg");

        svg.open("g", "class", "graticule", "aria-hidden", "true");
        double span = r.east() - r.west();
        int step = span > 180 ? 30 : span > 60 ? 10 : span > 20 ? 5 : span > 8 ? 2 : 1;
        for (int lon = (int) Math.ceil(r.west() / step) * step; lon <= r.east(); lon += step) {
            double x = r.x(lon);
            svg.empty("line", "x1", x, "y1", MAP_Y, "x2", x, "y2", MAP_Y + MAP_H, "stroke", "#b8c7d3", "stroke-width", 0.5,
                    "stroke-dasharray", "2 4");
            svg.text("text", degrees(lon, "E", "W"), "x", x + 3, "y", MAP_Y + MAP_H - 4, "font-size", 10, "fill", MUTED);
        }
        for (int lat = (int) Math.ceil(r.south() / step) * step; lat <= r.north(); lat += step) {
            double y = r.y(lat);
            svg.empty("line", "x1", MAP_X, "y1", y, "x2", MAP_X + WIDTH, "y2", y, "stroke", "#b8c7d3", "stroke-width", 0.5,
                    "stroke-dasharray", "2 4");
            svg.text("text", degrees(lat, "N", "S"), "x", MAP_X + 3, "y", y - 3, "font-size", 10, "fill", MUTED);
        }
        svg.empty("rect", "x", MAP_X + 0.5, "y", MAP_Y + 0.5, "width", WIDTH - 1, "height", MAP_H - 1, "fill", "none",
                "stroke", "#8d99a3");
        svg.close("g");

        // The marks, biggest first so that small ones stay on top.
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingDouble((Mark m) -> -radius(m.casualties(), most)).thenComparing(Mark::key));
        java.util.Map<Mark, double[]> placed = spread(sorted, r, most);
        svg.open("g", "class", "marks");
        for (Mark m : sorted) {
            double x = placed.get(m)[0];
            double y = placed.get(m)[1];
            double radius = radius(m.casualties(), most);
            svg.open("a", "href", m.href(), "class", "mark incident position-" + m.style().cssName(), "aria-label", m.title(),
                    "data-key", m.key());
            svg.text("title", m.title());
            circle(svg, m.style(), x, y, radius, m.casualties() == null);
            svg.close("a");
        }
        svg.close("g");

        // The legend: positions, sizes, and where the outlines come from.
        svg.open("g", "class", "legend");
        double at = 10;
        for (PositionStyle p : LEGEND) {
            double ly = legendTop + 10;
            circle(svg, p, at + MIN_R, ly, MIN_R, false);
            svg.text("text", p.label, "x", at + 2 * MIN_R + 5, "y", ly, "dominant-baseline", "central");
            at += 2 * MIN_R + 5 + p.label.length() * 6.6 + 16;
        }
        double ly = legendTop + 46;
        svg.text("text", "Size: highest casualty figure claimed", "x", 10, "y", ly, "dominant-baseline", "central", "fill", MUTED);
        double lx = 250;
        if (most > 0) {
            for (int figure : new int[] {most, Math.max(1, most / 4)}) {
                double rad = radius(figure, most);
                svg.empty("circle", "cx", lx + rad, "cy", ly, "r", rad, "fill", "#ffffff", "stroke", INK, "stroke-width", 1.2);
                svg.text("text", String.format(Locale.ROOT, "%,d", figure), "x", lx + 2 * rad + 5, "y", ly, "dominant-baseline", "central");
                lx += 2 * rad + 70;
            }
        }
        svg.empty("circle", "cx", lx + MIN_R, "cy", ly, "r", MIN_R, "fill", "#ffffff", "stroke", INK, "stroke-width", 1.2,
                "stroke-dasharray", "3 2");
        svg.text("text", "no figure claimed", "x", lx + 2 * MIN_R + 5, "y", ly, "dominant-baseline", "central");
        svg.text("text", attribution, "x", WIDTH - 8, "y", legendTop + 72, "text-anchor", "end", "font-size", 10, "fill", MUTED);
        svg.close("g");
        svg.close("svg");
        return svg.toString();
    }

    /**
     * Where each mark is drawn: at its place, except that marks whose places fall within a few pixels of
     * each other (several incidents in one town) are set around that point in a ring, so that none
     * hides another; the ring is wide enough for the biggest of them.
     */
    static java.util.Map<Mark, double[]> spread(List<Mark> marks, Region r, int most) {
        java.util.Map<String, List<Mark>> groups = new java.util.LinkedHashMap<>();
        for (Mark m : marks) {
            String key = Math.round(r.x(m.longitude()) / 4) + ":" + Math.round(r.y(m.latitude()) / 4);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        java.util.Map<Mark, double[]> at = new java.util.HashMap<>();
        for (List<Mark> group : groups.values()) {
            double x = r.x(group.get(0).longitude());
            double y = r.y(group.get(0).latitude());
            if (group.size() == 1) {
                at.put(group.get(0), new double[] {x, y});
                continue;
            }
            double biggest = group.stream().mapToDouble(m -> radius(m.casualties(), most)).max().orElse(MIN_R);
            // Neighbours on the ring stand a little more than the biggest diameter apart (chord 2·ring·sin(π/n)).
            // (At most 180 px out: beyond some thirty incidents in one place they touch again rather than leave the map.)
            double ring = Math.min(180, (biggest + 1) / Math.sin(Math.PI / group.size()));
            for (int i = 0; i < group.size(); i++) {
                double angle = -Math.PI / 2 + 2 * Math.PI * i / group.size();
                at.put(group.get(i), new double[] {x + ring * Math.cos(angle), y + ring * Math.sin(angle)});
            }
        }
        return at;
    }

    private static void circle(Svg svg, PositionStyle style, double x, double y, double radius, boolean noFigure) {
        svg.empty("circle", "cx", x, "cy", y, "r", radius, "fill", style.fill(), "fill-opacity", 0.9, "stroke", INK,
                "stroke-width", 1.5, "stroke-dasharray", noFigure ? "3 2" : null);
        if (!style.code.isEmpty()) {
            svg.text("text", style.code, "x", x, "y", y + 0.5, "text-anchor", "middle", "dominant-baseline", "central",
                    "font-size", 10, "font-weight", 700, "fill", style.ink(), "aria-hidden", "true");
        }
    }

    private static String degrees(int value, String positive, String negative) {
        return value == 0 ? "0°" : Math.abs(value) + "°" + (value > 0 ? positive : negative);
    }
}
