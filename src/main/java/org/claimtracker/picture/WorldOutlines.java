package org.claimtracker.picture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The countries' outlines, read once per process from the world GeoJSON that a package on the class
 * path ships (the ECharts 4.1.0 web-jar, {@code map/json/world.json}: 217 countries and territories in
 * longitude and latitude), nothing fetched at run time. Each ring is turned into SVG path data in
 * "map units" (a tenth of a degree: x = longitude × 10, y = −latitude × 10, equirectangular), with
 * points that round to the same unit dropped; {@link WorldMap} scales the units to the region it shows
 * and takes only the countries whose box meets that region, so a request costs a string join.
 */
public final class WorldOutlines {

    /** Where the package puts the file. */
    static final String RESOURCE = "META-INF/resources/webjars/echarts/4.1.0/map/json/world.json";
    /** Units per degree. */
    static final int UNIT = 10;

    /** One country's outline: its name, its box in degrees and its path data in map units. */
    public record Country(String name, double west, double south, double east, double north, String path) {
        boolean meets(double w, double s, double e, double n) {
            return west <= e && east >= w && south <= n && north >= s;
        }
    }

    private static volatile List<Country> countries;

    private WorldOutlines() {
    }

    /** The outlines, read on first use. */
    public static List<Country> countries() {
        List<Country> c = countries;
        if (c == null) {
            synchronized (WorldOutlines.class) {
                c = countries;
                if (c == null) {
                    c = read();
                    countries = c;
                }
            }
        }
        return c;
    }

    private static List<Country> read() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = WorldOutlines.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the world outlines are missing from the class path: " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Country> out = new ArrayList<>();
            for (JsonNode feature : root.path("features")) {
                String name = feature.path("properties").path("name").asText("");
                JsonNode geometry = feature.path("geometry");
                List<JsonNode> polygons = new ArrayList<>();
                if ("Polygon".equals(geometry.path("type").asText())) {
                    polygons.add(geometry.path("coordinates"));
                } else if ("MultiPolygon".equals(geometry.path("type").asText())) {
                    geometry.path("coordinates").forEach(polygons::add);
                }
                double[] box = {180, 90, -180, -90};
                StringBuilder path = new StringBuilder();
                for (JsonNode polygon : polygons) {
                    for (JsonNode ring : polygon) {
                        ring(ring, path, box);
                    }
                }
                if (path.length() > 0) {
                    out.add(new Country(name, box[0], box[1], box[2], box[3], path.toString()));
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("the world outlines could not be read", e);
        }
    }

    /** Appends one ring as "M x,y L ... Z" in map units, widening the box. */
    private static void ring(JsonNode ring, StringBuilder path, double[] box) {
        StringBuilder part = new StringBuilder();
        long lastX = Long.MIN_VALUE;
        long lastY = Long.MIN_VALUE;
        int points = 0;
        for (JsonNode point : ring) {
            double lon = point.path(0).asDouble();
            double lat = point.path(1).asDouble();
            long x = Math.round(lon * UNIT);
            long y = Math.round(-lat * UNIT);
            if (x == lastX && y == lastY) {
                continue;
            }
            part.append(points == 0 ? "M" : "L").append(x).append(',').append(y);
            lastX = x;
            lastY = y;
            points++;
            box[0] = Math.min(box[0], lon);
            box[1] = Math.min(box[1], lat);
            box[2] = Math.max(box[2], lon);
            box[3] = Math.max(box[3], lat);
        }
        if (points >= 3) {
            path.append(part).append('Z');
        }
    }

    /** The path data of every country that meets the box (degrees), joined. */
    public static String within(double west, double south, double east, double north) {
        StringBuilder all = new StringBuilder();
        for (Country c : countries()) {
            if (c.meets(west, south, east, north)) {
                all.append(c.path());
            }
        }
        return all.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d countries", countries().size());
    }
}
