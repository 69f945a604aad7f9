package org.claimtracker.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.claimtracker.response.Stance;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The timeline picture on its own: well-formed, escaped, marks apart, sensible ticks. */
class TimelineChartTest {

    private static final LocalDate DAY = LocalDate.of(2017, 6, 18);

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void scriptInANameOrAQuoteIsTextInAWellFormedFile() throws Exception {
        String evil = "<script>alert('x')</script> & \"Co\"\u0001";
        String svg = TimelineChart.render("t", "Timeline of " + evil, evil,
                List.of(new TimelineChart.Mark("claim-1", DAY, evil, Palette.CLAIM, "/admin/claims/1?a=1&b=2", evil),
                        new TimelineChart.Mark("response-2", DAY.plusDays(1), "Other", Palette.of(Stance.denies), null, evil)),
                List.of(new TimelineChart.Arrow("response-2", "claim-1", false)), true);
        assertFalse(svg.contains("<script"), svg);
        Document doc = parse(svg);
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertTrue(doc.getDocumentElement().getTextContent().contains("<script>alert('x')</script> & \"Co\""));
        assertEquals("/admin/claims/1?a=1&b=2", doc.getElementsByTagName("a").item(0).getAttributes().getNamedItem("href").getNodeValue());
        assertFalse(svg.contains("style="), "no style attribute: the pages' CSP refuses them");
    }

    @Test
    void manyEventsOnOneDayInOneLaneNeverOverlap() throws Exception {
        List<TimelineChart.Mark> marks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            marks.add(new TimelineChart.Mark("response-" + i, DAY.plusDays(i % 3 == 0 ? 0 : 1), "Ministry",
                    Palette.values()[1 + i % 9], "/x/" + i, "event " + i));
        }
        String svg = TimelineChart.render("t", "t", "d", marks, List.of(), false);
        Matcher m = Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\"").matcher(svg.substring(0, svg.indexOf("class=\"legend\"")));
        List<double[]> centres = new ArrayList<>();
        while (m.find()) {
            centres.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        assertEquals(40, centres.size());
        for (int i = 0; i < centres.size(); i++) {
            for (int j = i + 1; j < centres.size(); j++) {
                double d = Math.hypot(centres.get(i)[0] - centres.get(j)[0], centres.get(i)[1] - centres.get(j)[1]);
                assertTrue(d >= 2 * TimelineChart.RADIUS + 2, "marks " + i + " and " + j + " overlap: " + d);
            }
        }
        parse(svg);
    }

    @Test
    void ticksSuitTheSpan() {
        assertEquals(List.of("18 Jun 2017", "19 Jun"), labels(DAY, DAY.plusDays(1)));
        assertEquals(List.of("31 Dec 2016", "1 Jan 2017", "2 Jan"), labels(LocalDate.of(2016, 12, 31), LocalDate.of(2017, 1, 2)));
        assertTrue(labels(DAY, DAY.plusDays(40)).stream().allMatch(l -> l.matches("\\d+ \\w{3}( \\d{4})?")));
        assertTrue(labels(DAY, DAY.plusDays(40)).size() <= 8);
        List<String> months = labels(DAY, DAY.plusMonths(7));
        assertEquals("Jul 2017", months.get(0));
        assertTrue(months.size() <= 9, months.toString());
        List<String> years = labels(LocalDate.of(2012, 10, 1), LocalDate.of(2017, 6, 18));
        assertTrue(years.size() >= 4 && years.size() <= 10, years.toString());
        assertTrue(labels(LocalDate.of(1990, 1, 1), LocalDate.of(2020, 1, 1)).size() <= 8);
    }

    @Test
    void theReadingStripWrapsWordsAndCutsWhatDoesNotFit() {
        assertEquals(List.of("one two", "three"), TimelineChart.wrap("one two three", 8, 3));
        List<String> lines = TimelineChart.wrap("word ".repeat(200), 20, 3);
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).endsWith("…") && lines.stream().allMatch(l -> l.length() <= 20), lines.toString());
        assertEquals(List.of("x".repeat(19) + "…"), TimelineChart.wrap("x".repeat(50), 20, 3));
    }

    private static List<String> labels(LocalDate first, LocalDate last) {
        long span = last.toEpochDay() - first.toEpochDay();
        double pad = Math.max(0.6, span * 0.04);
        return TimelineChart.ticks(first, last, first.toEpochDay() - pad, last.toEpochDay() + pad).stream()
                .map(TimelineChart.Tick::label).toList();
    }
}
