package org.claimtracker.dashboard;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimtracker.core.Page;
import org.claimtracker.picture.BarChart;
import org.claimtracker.picture.ColumnChart;
import org.claimtracker.picture.Palette;
import org.claimtracker.picture.Segment;
import org.claimtracker.picture.Series;
import org.claimtracker.position.OpenSpan;
import org.claimtracker.position.PartyCounts;
import org.claimtracker.position.Position;

/**
 * The dashboard's pictures: positions by party (a bar per party of the page, a part per position),
 * claims and responses per month, and how long the unresolved claims have been open.
 */
public final class DashboardPictures {

    public static final String PARTIES_ID = "dashboard-parties";
    public static final String ACTIVITY_ID = "dashboard-activity";
    public static final String OPEN_ID = "dashboard-open";

    /** Claims: white squares in the timeline, white columns here. */
    static final Series CLAIMS = new Series("claims", "claims", Palette.CLAIM.fill, "#000000", "");
    /** Responses: dark grey, told from white by lightness alone, whatever the colour vision. */
    static final Series RESPONSES = new Series("responses", "responses", "#5C6670", "#FFFFFF", "");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final List<Position> DRAWN = List.of(Position.denied, Position.confirmed, Position.partially_confirmed,
            Position.unresolved, Position.withdrawn);

    private DashboardPictures() {
    }

    /** The page of parties as bars; {@code base} goes before the links ("" in the page). */
    public static String parties(Page<PartyCounts> page, boolean commentary, String base, boolean standalone) {
        String keep = commentary ? "&commentary=true" : "";
        List<BarChart.Row> rows = new ArrayList<>();
        for (PartyCounts p : page.items()) {
            List<Segment> parts = new ArrayList<>();
            for (Position position : DRAWN) {
                long n = p.counts().getOrDefault(position, 0L);
                parts.add(new Segment(Series.of(position), n,
                        base + "/admin/parties/" + p.party().id() + "?status=" + position.name() + keep + "#claims",
                        p.party().name() + ": " + n + " " + Series.label(position) + "; open the list"));
            }
            rows.add(new BarChart.Row(p.party().name(), base + "/admin/parties/" + p.party().id()
                    + (commentary ? "?commentary=true" : ""), parts));
        }
        long first = page.items().isEmpty() ? 0 : (long) page.page() * page.size() + 1;
        long last = (long) page.page() * page.size() + page.items().size();
        String title = "Positions by party: " + (page.total() == 0 ? "none yet"
                : "parties " + first + " to " + last + " of " + page.total() + ", most positions first")
                + (commentary ? ", commentary included" : "");
        String description = "One bar per party, a part per position (denied, confirmed, partially confirmed, unresolved,"
                + " withdrawn), lettered and coloured as the legend, with the party's total at the end. Each part opens the"
                + " party's claims of that position. The same numbers are in the table below the picture.";
        return BarChart.render(PARTIES_ID, title, description, rows, 230, DRAWN.stream().map(Series::of).toList(),
                DRAWN.stream().map(Series::label).toList(), standalone);
    }

    /** Claims and responses per month: two columns a month, each opening the list of that month. */
    public static String activity(List<ActivityMonth> months, String base, boolean standalone) {
        List<ColumnChart.Group> groups = new ArrayList<>();
        long claims = 0;
        long responses = 0;
        for (ActivityMonth a : months) {
            YearMonth m = YearMonth.parse(a.month());
            String range = "?from=" + m.atDay(1) + "&to=" + m.atEndOfMonth();
            String label = MONTH.format(m);
            groups.add(new ColumnChart.Group(label, List.of(
                    new ColumnChart.Column(List.of(new Segment(CLAIMS, a.claims(), null, null)), base + "/admin/claims" + range,
                            label + ": " + a.claims() + " claims stated; open the list"),
                    new ColumnChart.Column(List.of(new Segment(RESPONSES, a.responses(), null, null)),
                            base + "/admin/responses" + range, label + ": " + a.responses() + " responses stated; open the list"))));
            claims += a.claims();
            responses += a.responses();
        }
        String title = "Claims and responses per month" + (months.isEmpty() ? ""
                : ", " + MONTH.format(YearMonth.parse(months.get(0).month())) + " to "
                        + MONTH.format(YearMonth.parse(months.get(months.size() - 1).month())));
        String description = months.isEmpty() ? "Nothing is recorded yet." : claims + " claims and " + responses
                + " responses stated in the " + months.size() + " months up to the latest month with any; per month, claims"
                + " (white) beside responses (grey). Each column opens the list of that month. The same numbers are in the"
                + " table below the picture.";
        return ColumnChart.render(ACTIVITY_ID, title, description, groups, "stated", List.of(CLAIMS, RESPONSES),
                List.of("claims stated", "responses stated"), standalone);
    }

    /** How long the unresolved claims have been open, one column per span of days. */
    public static String open(List<OpenSpan> spans, boolean commentary, String base, boolean standalone) {
        Series unresolved = Series.of(Position.unresolved);
        List<ColumnChart.Group> groups = new ArrayList<>();
        long total = 0;
        for (OpenSpan s : spans) {
            groups.add(new ColumnChart.Group(s.label(), List.of(new ColumnChart.Column(List.of(
                    new Segment(unresolved, s.n(), null, s.n() + " unresolved claims open " + s.label()))))));
            total += s.n();
        }
        String title = "How long the " + total + " unresolved claims have been open" + (commentary ? ", commentary included" : "");
        String description = "Unresolved claims (their accused party has neither denied nor confirmed them) by the time"
                + " since the claim was stated: " + String.join(", ", spans.stream().map(s -> s.label() + " " + s.n()).toList())
                + ". The longest open are listed under Still unresolved.";
        return ColumnChart.render(OPEN_ID, title, description, groups, "claims", List.of(unresolved),
                List.of("unresolved"), standalone);
    }
}
