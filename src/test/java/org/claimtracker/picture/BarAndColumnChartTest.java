package org.claimtracker.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.claimtracker.position.Position;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The bar and column charts as documents: one mark per part with a value, texts escaped, well-formed, round axis steps. */
class BarAndColumnChartTest {

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Segment part(Position p, long n) {
        return new Segment(Series.of(p), n, "/admin/parties/1?status=" + p.name() + "&x=1", n + " " + p.name());
    }

    @Test
    void aBarHasAPartForEachPositionWithClaimsAndItsNameAsText() throws Exception {
        String name = "<script>alert('x')</script> \"Kingdom\" & co";
        String svg = BarChart.render("b", "Positions of " + name, "desc", List.of(
                new BarChart.Row(name, "/admin/parties/1", List.of(part(Position.denied, 3), part(Position.confirmed, 0),
                        part(Position.unresolved, 120))),
                new BarChart.Row("Other", null, List.of(part(Position.withdrawn, 1)))), 200,
                List.of(Series.of(Position.denied)), List.of("denied"), true);
        Document doc = parse(svg);
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals(3 + 1, doc.getElementsByTagName("a").getLength(), "three parts and one name link");
        assertEquals("Positions of " + name, doc.getElementsByTagName("title").item(0).getTextContent());
        assertTrue(svg.contains("U 120"), "the value is drawn on a part wide enough");
        assertFalse(svg.contains("series-confirmed"), "no part for a zero");
        assertTrue(svg.contains("href=\"/admin/parties/1?status=denied&amp;x=1\""));
    }

    @Test
    void columnsStackTheirPartsAndTheAxisTakesRoundSteps() throws Exception {
        String svg = ColumnChart.render("c", "t", "d", List.of(
                new ColumnChart.Group("Jan 2017", List.of(new ColumnChart.Column(List.of(part(Position.denied, 7), part(Position.confirmed, 5))))),
                new ColumnChart.Group("Feb 2017", List.of(new ColumnChart.Column(List.of()))),
                new ColumnChart.Group("Mar 2017", List.of(new ColumnChart.Column(List.of(part(Position.withdrawn, 2)))))),
                "positions", List.of(), List.of(), false);
        Document doc = parse(svg);
        assertEquals(3, doc.getElementsByTagName("a").getLength());
        assertEquals(5, Charts.step(12, 4));
        assertEquals(15, Charts.top(12, 5));
        assertEquals(1, Charts.step(0, 4));
        assertEquals(200_000, Charts.step(700_000, 4));
        assertTrue(svg.contains(">15</text>"), "the axis ends on a whole step above the tallest column");
    }

    @Test
    void theSeriesOfPositionsAreThePalettesColoursWithLetters() {
        for (Position p : Position.values()) {
            Series s = Series.of(p);
            assertEquals(Palette.of(p).fill, s.fill());
            assertEquals(1, s.code().length());
        }
        assertEquals(Position.values().length, java.util.Arrays.stream(Position.values()).map(Series::code).distinct().count());
    }
}
