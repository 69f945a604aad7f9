package org.claimtracker.dashboard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.claimtracker.core.Ref;
import org.claimtracker.picture.MatrixChart;
import org.claimtracker.picture.PositionStyle;
import org.claimtracker.picture.WorldMap;
import org.claimtracker.position.Position;

/** The two overview pictures made from {@link AccusationService}'s numbers: who accuses whom, and the map. */
final class OverviewPictures {

    static final String MATRIX_ID = "accusation-matrix";
    static final String MAP_ID = "incident-map";
    static final String OUTLINES = "Country outlines: the world map shipped in the ECharts 4.1.0 package (web-jar), drawn by the tracker";

    private OverviewPictures() {
    }

    /** The query string (from, to, kind) that the filter gives, "" for none; starts with "&". */
    static String query(AccusationService.Filter f) {
        StringBuilder q = new StringBuilder();
        if (f.from() != null) {
            q.append("&from=").append(f.from());
        }
        if (f.to() != null) {
            q.append("&to=").append(f.to());
        }
        if (f.kind() != null) {
            q.append("&kind=").append(f.kind().name());
        }
        return q.toString();
    }

    /** The link to the claims list of one cell. */
    static String cellLink(String base, long claimantId, long accusedId, AccusationService.Filter f) {
        return base + "/admin/claims?claimantId=" + claimantId + "&addressedPartyId=" + accusedId + query(f);
    }

    /** The matrix as SVG; {@code id} is the picture's id (one per page). */
    static String matrix(AccusationService.Matrix m, AccusationService.Filter f, String base, String id, boolean standalone) {
        List<String> rows = m.claimants().stream().map(Ref::name).toList();
        List<String> cols = m.accused().stream().map(Ref::name).toList();
        List<MatrixChart.Cell> cells = new ArrayList<>();
        for (int r = 0; r < m.claimants().size(); r++) {
            Ref claimant = m.claimants().get(r);
            for (int c = 0; c < m.accused().size(); c++) {
                Ref accused = m.accused().get(c);
                Map<Position, Long> counts = m.cell(claimant.id(), accused.id());
                if (counts.isEmpty()) {
                    continue;
                }
                Map<PositionStyle, Integer> parts = new EnumMap<>(PositionStyle.class);
                counts.forEach((position, n) -> parts.merge(PositionStyle.of(position), n.intValue(), Integer::sum));
                cells.add(new MatrixChart.Cell(r, c, parts, cellLink(base, claimant.id(), accused.id(), f),
                        cellTitle(claimant.name(), accused.name(), parts)));
            }
        }
        return MatrixChart.render(id, "Who accuses whom" + scope(f), matrixDescription(m, f), rows, cols, cells, standalone);
    }

    static String cellTitle(String claimant, String accused, Map<PositionStyle, Integer> parts) {
        int total = parts.values().stream().mapToInt(Integer::intValue).sum();
        StringJoiner split = new StringJoiner(", ");
        for (PositionStyle p : PositionStyle.values()) {
            int n = parts.getOrDefault(p, 0);
            if (n > 0) {
                split.add(n + " " + p.label);
            }
        }
        return claimant + " accuses " + accused + ": " + total + (total == 1 ? " claim" : " claims") + " (" + split
                + "). Open the list of these claims.";
    }

    private static String matrixDescription(AccusationService.Matrix m, AccusationService.Filter f) {
        return m.claims() + (m.claims() == 1 ? " claim" : " claims") + " naming an accused party" + scope(f) + ", by "
                + m.claimantsInAll() + " claimants against " + m.accusedInAll() + " accused parties; shown: the "
                + m.claimants().size() + " claimants (rows) and " + m.accused().size()
                + " accused parties (columns) with the most claims. Each cell gives the number of claims and a bar split by"
                + " the accused's position: D denied, C confirmed, P partially confirmed, U left unresolved, W withdrawn."
                + " The same numbers are in the table below the picture.";
    }

    /** The filter in words, for titles: "" when there is none. */
    static String scope(AccusationService.Filter f) {
        StringBuilder s = new StringBuilder();
        if (f.kind() != null) {
            s.append(", ").append(f.kind().name().replace('_', ' ')).append(" claims");
        }
        if (f.from() != null || f.to() != null) {
            s.append(f.from() != null ? ", from " + f.from() : ",").append(f.to() != null ? " to " + f.to() : " on");
        }
        return s.toString();
    }

    /** How an incident is drawn: one position, different ones, or none. */
    static PositionStyle style(AccusationService.MapIncident i) {
        if (i.positions().isEmpty()) {
            return PositionStyle.NONE;
        }
        return i.positions().size() == 1 ? PositionStyle.of(i.positions().get(0)) : PositionStyle.MIXED;
    }

    static String incidentTitle(AccusationService.MapIncident i) {
        StringBuilder t = new StringBuilder(i.title());
        List<String> where = new ArrayList<>();
        if (i.place() != null && !i.place().isBlank()) {
            where.add(i.place());
        }
        if (i.occurredOn() != null) {
            where.add(i.occurredOn().toString());
        }
        if (!where.isEmpty()) {
            t.append(" (").append(String.join(", ", where)).append(')');
        }
        t.append(": ").append(i.claims()).append(i.claims() == 1 ? " claim" : " claims");
        if (i.accused() != null) {
            t.append(" against ").append(i.accused());
        }
        t.append("; highest casualty figure claimed: ").append(i.casualties() == null ? "none" : i.casualties());
        PositionStyle style = style(i);
        t.append("; accused's position: ").append(style == PositionStyle.MIXED
                ? "positions differ (" + String.join(", ", i.positions().stream().map(p -> PositionStyle.of(p).label).toList()) + ")"
                : style.label).append(". Open the incident.");
        return t.toString();
    }

    static String map(List<AccusationService.MapIncident> incidents, AccusationService.Filter f, String base, boolean standalone) {
        List<WorldMap.Mark> marks = incidents.stream().map(i -> new WorldMap.Mark("incident-" + i.id(), i.latitude(),
                i.longitude(), i.casualties(), style(i), base + "/admin/incidents/" + i.id(), incidentTitle(i))).toList();
        String description = incidents.size() + (incidents.size() == 1 ? " incident" : " incidents") + " with coordinates"
                + scope(f) + ". Each circle is an incident at its place, its area growing with the highest casualty figure"
                + " claimed (dashed when none was claimed), filled and lettered by the accused party's position: D denied,"
                + " C confirmed, P partially confirmed, U left unresolved, W withdrawn, M positions differ, blank: no party"
                + " accused. The same incidents are listed in the table below the picture.";
        return WorldMap.render(MAP_ID, "Incidents on the map" + scope(f), description, marks, OUTLINES, standalone);
    }
}
