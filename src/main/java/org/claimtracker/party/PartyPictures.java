package org.claimtracker.party;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimtracker.picture.BarChart;
import org.claimtracker.picture.ColumnChart;
import org.claimtracker.picture.Segment;
import org.claimtracker.picture.Series;
import org.claimtracker.position.Position;
import org.claimtracker.position.PositionMonth;
import org.claimtracker.position.PositionSummary;
import org.claimtracker.position.Scope;

/**
 * The party's record as two pictures: one stacked bar of its positions (a part per position, opening
 * that tab) and its positions per month (a column per month, stacked by position, opening the record
 * as it stood at the month's end), both within the page's scope, as of its date, with or without
 * commentary, as the tabs below them.
 */
public final class PartyPictures {

    public static final String POSITIONS_ID = "party-positions";
    public static final String MONTHS_ID = "party-months";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /** What the page needs: both pictures, the positions drawn, and the months as a table. */
    public record View(String positions, String months, List<String> columns, List<MonthLine> table) {
    }

    /** A row of the months' table: the month, where it leads, the count of each position drawn, the total. */
    public record MonthLine(String month, String label, String href, List<Long> counts, long total) {
    }

    /** The page's choices, which every link of the pictures keeps. */
    public record Choice(long party, Scope scope, LocalDate asOf, boolean commentary, String status) {

        String link(String base, String status, LocalDate asOf) {
            return base + "/admin/parties/" + party + "?status=" + (status == null ? "" : status) + options(asOf) + "#claims";
        }

        /** The query of the page, for the download links. */
        public String query() {
            String options = options(asOf);
            return options.isEmpty() ? "" : "?" + options.substring(1);
        }

        /** The choices other than the tab, each as {@code &name=value}: the date, commentary, the scope. */
        private String options(LocalDate asOf) {
            StringBuilder b = new StringBuilder();
            if (asOf != null) {
                b.append("&asOf=").append(asOf);
            }
            if (commentary) {
                b.append("&commentary=true");
            }
            if (scope != Scope.self) {
                b.append("&scope=").append(scope.name());
            }
            return b.toString();
        }
    }

    private PartyPictures() {
    }

    /** The positions drawn: every position, contested only when the scope is wider than the party. */
    static List<Position> drawn(Scope scope) {
        return List.of(Position.values()).stream().filter(p -> p != Position.contested || scope != Scope.self).toList();
    }

    private static String within(String name, Choice c) {
        return name + (c.scope() == Scope.parts ? " with its parts" : c.scope() == Scope.members ? " with its members" : "")
                + (c.asOf() == null ? "" : ", as of " + c.asOf()) + (c.commentary() ? ", commentary included" : "");
    }

    /** The stacked bar of the party's positions; {@code base} goes before the links ("" in the page). */
    public static String positions(String name, PositionSummary summary, Choice c, String base, boolean standalone) {
        List<Position> drawn = drawn(c.scope());
        List<Segment> parts = new ArrayList<>();
        List<Series> legend = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder said = new StringBuilder();
        for (Position p : drawn) {
            long n = summary.counts().getOrDefault(p, 0L);
            Series s = Series.of(p);
            legend.add(s);
            words.add(Series.label(p) + " (" + n + ")");
            said.append(said.length() == 0 ? "" : ", ").append(Series.label(p)).append(' ').append(n);
            parts.add(new Segment(s, n, c.link(base, p.name(), c.asOf()),
                    n + " " + (n == 1 ? "claim" : "claims") + " " + Series.label(p) + " by " + name + "; open the list"));
        }
        List<BarChart.Row> rows = summary.total() == 0 ? List.of() : List.of(new BarChart.Row(name, null, parts));
        String title = "Positions of " + within(name, c);
        String description = summary.total() + (summary.total() == 1 ? " claim" : " claims") + " with a position: " + said
                + ". One bar, a part per position, lettered and coloured as the legend; each part opens the list of those claims."
                + " The same numbers are on the tabs below.";
        return BarChart.render(POSITIONS_ID, title, description, rows, 0, legend, words, standalone);
    }

    /** The months, first to last with a position, each with its counts; months between without any are zeros. */
    public static View view(String name, PositionSummary summary, List<PositionMonth> months, Choice c, String base,
            boolean standalone) {
        List<Position> drawn = drawn(c.scope());
        Map<YearMonth, Map<Position, Long>> byMonth = new LinkedHashMap<>();
        if (!months.isEmpty()) {
            YearMonth first = YearMonth.parse(months.get(0).month());
            YearMonth last = YearMonth.parse(months.get(months.size() - 1).month());
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                byMonth.put(m, new EnumMap<>(Position.class));
            }
            for (PositionMonth pm : months) {
                byMonth.get(YearMonth.parse(pm.month())).merge(pm.position(), pm.n(), Long::sum);
            }
        }
        LocalDate today = LocalDate.now();
        List<ColumnChart.Group> groups = new ArrayList<>();
        List<MonthLine> table = new ArrayList<>();
        long total = 0;
        for (Map.Entry<YearMonth, Map<Position, Long>> e : byMonth.entrySet()) {
            YearMonth m = e.getKey();
            LocalDate end = m.atEndOfMonth();
            LocalDate limit = c.asOf() != null ? c.asOf() : today;
            LocalDate asOf = end.isAfter(limit) ? limit : end;
            List<Segment> parts = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            StringBuilder said = new StringBuilder();
            long sum = 0;
            for (Position p : drawn) {
                long n = e.getValue().getOrDefault(p, 0L);
                counts.add(n);
                sum += n;
                parts.add(new Segment(Series.of(p), n, null, null));
                if (n > 0) {
                    said.append(said.length() == 0 ? "" : ", ").append(n).append(' ').append(Series.label(p));
                }
            }
            total += sum;
            groups.add(new ColumnChart.Group(MONTH.format(m), List.of(new ColumnChart.Column(parts, c.link(base, c.status(), asOf),
                    MONTH.format(m) + ": " + said + "; open the record as it stood on " + asOf))));
            table.add(new MonthLine(m.toString(), MONTH.format(m), c.link("", c.status(), asOf), counts, sum));
        }
        List<Series> legend = drawn.stream().map(Series::of).toList();
        List<String> words = drawn.stream().map(Series::label).toList();
        String title = "Positions of " + within(name, c) + ", by month";
        String description = byMonth.isEmpty() ? "No positions to draw." : total + " positions over " + byMonth.size()
                + (byMonth.size() == 1 ? " month" : " months") + ", from " + MONTH.format(byMonth.keySet().iterator().next())
                + ", each in the month of the party's latest response on the claim (or of the claim, when there is none),"
                + " stacked by position and lettered as the legend. Each month opens the record as it stood at the month's end."
                + " The same numbers are in the table below the picture.";
        String svg = ColumnChart.render(MONTHS_ID, title, description, groups, "positions", legend, words, standalone);
        return new View(positions(name, summary, c, base, standalone), svg,
                drawn.stream().map(Series::label).toList(), table);
    }
}
