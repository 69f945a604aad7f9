package org.claimtracker.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The matrix and the map as the renderers draw them, without the tracker: well-formed, counted, escaped, projected. */
class OverviewChartsTest {

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theOutlinesComeFromThePackageOnTheClassPathAndAreReadOnce() {
        List<WorldOutlines.Country> countries = WorldOutlines.countries();
        assertTrue(countries.size() > 150, "countries: " + countries.size());
        assertSame(countries, WorldOutlines.countries());
        WorldOutlines.Country syria = countries.stream().filter(c -> c.name().equals("Syria")).findFirst().orElseThrow();
        // Damascus, Aleppo and Raqqa lie inside the box read from the file.
        assertTrue(syria.west() < 36.3 && syria.east() > 39 && syria.south() < 33.5 && syria.north() > 36.2, syria.toString());
        assertTrue(syria.path().startsWith("M") && syria.path().endsWith("Z"));
        // Only countries near the region are drawn.
        String near = WorldOutlines.within(35, 32, 43, 38);
        assertTrue(near.contains(syria.path()));
        assertFalse(near.contains(countries.stream().filter(c -> c.name().equals("Brazil")).findFirst().orElseThrow().path()));
    }

    @Test
    void theMapDrawsOneLinkedCircleAMarkSizedByCasualtiesAndEscapesItsWords() throws Exception {
        List<WorldMap.Mark> marks = List.of(
                new WorldMap.Mark("a", 36.5, 38.2, 400, PositionStyle.DENIED, "/admin/incidents/1", "<script>alert(1)</script> market"),
                new WorldMap.Mark("b", 35.1, 36.7, 25, PositionStyle.UNRESOLVED, "/admin/incidents/2", "bridge"),
                new WorldMap.Mark("c", 33.5, 36.3, null, PositionStyle.NONE, "/admin/incidents/3", "depot"));
        String svg = WorldMap.render("m", "Map", "Three incidents", marks, "outlines", false);
        Document doc = parse(svg);
        NodeList links = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "a");
        assertEquals(3, links.getLength());
        assertFalse(svg.contains("<script>"));
        assertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; market"));
        double[] radius = new double[3];
        for (int i = 0; i < 3; i++) {
            Element a = (Element) links.item(i);
            Element circle = (Element) a.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").item(0);
            double x = Double.parseDouble(circle.getAttribute("cx"));
            double y = Double.parseDouble(circle.getAttribute("cy"));
            assertTrue(x > 0 && x < WorldMap.WIDTH && y > 0 && y < WorldMap.MAP_H, a.getAttribute("data-key") + " at " + x + "," + y);
            radius["abc".indexOf(a.getAttribute("data-key"))] = Double.parseDouble(circle.getAttribute("r"));
            if (a.getAttribute("data-key").equals("c")) {
                assertEquals("3 2", circle.getAttribute("stroke-dasharray"));
            }
        }
        assertEquals(WorldMap.MAX_R, radius[0], 0.01);
        assertTrue(radius[0] > radius[1] && radius[1] > radius[2], java.util.Arrays.toString(radius));
        // East is right, north is up.
        WorldMap.Region r = WorldMap.region(marks);
        assertTrue(r.x(38.2) > r.x(36.7) && r.y(36.5) < r.y(35.1));
        // Syria's outline is drawn; Brazil's is not.
        assertTrue(svg.contains(WorldOutlines.countries().stream().filter(c -> c.name().equals("Syria")).findFirst().orElseThrow().path()));
    }

    @Test
    void incidentsAtOnePlaceAreSetAroundItSoThatNoneHidesAnother() {
        List<WorldMap.Mark> marks = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            marks.add(new WorldMap.Mark("m" + i, 36.2, 37.15, 100, PositionStyle.DENIED, "/admin/incidents/" + i, "Aleppo " + i));
        }
        marks.add(new WorldMap.Mark("far", 33.5, 36.3, 100, PositionStyle.DENIED, "/admin/incidents/far", "Damascus"));
        WorldMap.Region r = WorldMap.region(marks);
        java.util.Map<WorldMap.Mark, double[]> at = WorldMap.spread(marks, r, 100);
        for (int i = 0; i < marks.size(); i++) {
            for (int j = i + 1; j < marks.size(); j++) {
                double[] p = at.get(marks.get(i));
                double[] q = at.get(marks.get(j));
                assertTrue(Math.hypot(p[0] - q[0], p[1] - q[1]) >= 2 * WorldMap.MAX_R, marks.get(i).key() + " and " + marks.get(j).key());
            }
        }
        // A mark alone stays at its place.
        assertEquals(r.x(36.3), at.get(marks.get(5))[0], 1e-9);
        assertEquals(r.y(33.5), at.get(marks.get(5))[1], 1e-9);
    }

    @Test
    void withoutIncidentsTheMapShowsTheWholeWorld() throws Exception {
        String svg = WorldMap.render("m", "Map", "None", List.of(), "outlines", true);
        assertTrue(svg.startsWith("<?xml"));
        Document doc = parse(svg);
        assertEquals(0, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "a").getLength());
        WorldMap.Region r = WorldMap.region(List.of());
        assertTrue(r.west() <= -180 && r.east() >= 180, r.toString());
        assertTrue(svg.length() > 100_000, "every country drawn: " + svg.length());
    }

    @Test
    void theMatrixDrawsACellPerPairWithABarSplitByPosition() throws Exception {
        List<MatrixChart.Cell> cells = List.of(
                new MatrixChart.Cell(0, 0, Map.of(PositionStyle.DENIED, 2, PositionStyle.UNRESOLVED, 1), "/x?a=1&b=2", "A accuses B"),
                new MatrixChart.Cell(1, 1, Map.of(PositionStyle.CONFIRMED, 4), "/y", "<script>x</script> accuses C"),
                new MatrixChart.Cell(1, 0, Map.of(), "/z", "nothing"));
        String svg = MatrixChart.render("x", "Who accuses whom", "desc", List.of("<b>A</b>", "D"), List.of("B", "C"), cells, true);
        Document doc = parse(svg);
        NodeList links = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "a");
        assertEquals(2, links.getLength(), "an empty cell is no mark");
        Element first = (Element) links.item(0);
        assertEquals("/x?a=1&b=2", first.getAttribute("href"));
        assertEquals("3", first.getAttribute("data-count"));
        assertTrue(svg.contains("class=\"part denied\""));
        assertTrue(svg.contains("class=\"part unresolved\""));
        assertFalse(svg.contains("<script>") || svg.contains("<b>"));
        // The denied part is twice as wide as the unresolved one.
        NodeList rects = first.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        double denied = 0;
        double unresolved = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("class").equals("part denied")) {
                denied = Double.parseDouble(r.getAttribute("width"));
            } else if (r.getAttribute("class").equals("part unresolved")) {
                unresolved = Double.parseDouble(r.getAttribute("width"));
            }
        }
        assertEquals(2 * unresolved, denied, 0.2);
    }
}
