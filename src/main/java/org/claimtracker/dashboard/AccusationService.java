package org.claimtracker.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.core.Ref;
import org.claimtracker.position.Position;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * The numbers behind the two overview pictures: who accuses whom (claims per claimant and accused
 * party, split by the accused's position on each) and the incidents with coordinates (their highest
 * casualty figure claimed and the positions of the parties accused). One statement each.
 * <p>
 * The accused's position on a claim is its row of party_position (kept by the database, V5); for
 * commentary, which party_position leaves out (V9), it is derived from the accused's latest response
 * with the same rule (tracker_position). A claim the accused never answered is unresolved.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class AccusationService {

    /** The filters both pictures take: a range of dates (claims stated; incidents occurred) and a kind of claim. */
    public record Filter(LocalDate from, LocalDate to, ClaimKind kind) {
        public static Filter none() {
            return new Filter(null, null, null);
        }
    }

    /** Claims of one claimant against one accused party with one position of the accused. */
    public record Pair(Ref claimant, Ref accused, Position position, long n) {
    }

    /** The matrix: claimants (rows) and accused parties (columns), most claims first, and its cells. */
    public record Matrix(List<Ref> claimants, List<Ref> accused, Map<Long, Map<Long, Map<Position, Long>>> cells,
            long claimantsInAll, long accusedInAll, long claims) {

        /** Claims per position of one cell (empty when none). */
        public Map<Position, Long> cell(long claimantId, long accusedId) {
            return cells.getOrDefault(claimantId, Map.of()).getOrDefault(accusedId, Map.of());
        }

        public long count(long claimantId, long accusedId) {
            return cell(claimantId, accusedId).values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(long claimantId, long accusedId, String position) {
            return cell(claimantId, accusedId).getOrDefault(Position.valueOf(position), 0L);
        }
    }

    /** An incident on the map. */
    public record MapIncident(long id, String title, String place, LocalDate occurredOn, double latitude, double longitude,
            Integer casualties, long claims, List<Position> positions, String accused) {

        /** The accused's position in words, as the map draws it. */
        public String standing() {
            return OverviewPictures.style(this).label;
        }

        /** The letter the map draws for it. */
        public String code() {
            return OverviewPictures.style(this).code;
        }
    }

    /** The accused's position on claim c (commentary derived on the fly), null when there is none. */
    private static final String ACCUSED_POSITION = """
            coalesce(pp.position, (select tracker_position(r.stance, c.claimant_id = c.addressed_party_id, true)
                                     from response r
                                    where c.kind = 'commentary' and r.claim_id = c.id and r.party_id = c.addressed_party_id
                                    order by r.stated_on desc, r.id desc limit 1))""";

    private static final String ACCUSED_JOIN =
            " left join party_position pp on pp.party_id = c.addressed_party_id and pp.claim_id = c.id";

    @Inject
    Session session;

    /** The matrix of the {@code limit} claimants and accused parties with the most claims. */
    public Matrix matrix(Filter filter, int limit) {
        StringBuilder where = new StringBuilder(" where c.addressed_party_id is not null");
        Map<String, Object> params = new HashMap<>();
        claimConditions(filter, "c.stated_on", where, params);
        String sql = "with hits as (select c.claimant_id, c.addressed_party_id as accused_id, " + ACCUSED_POSITION
                + " as position from claim c" + ACCUSED_JOIN + where + ")"
                + " select h.claimant_id, cl.name, h.accused_id, ac.name, coalesce(h.position, 'unresolved'), count(*)"
                + " from hits h join party cl on cl.id = h.claimant_id join party ac on ac.id = h.accused_id"
                + " group by h.claimant_id, cl.name, h.accused_id, ac.name, coalesce(h.position, 'unresolved')";
        NativeQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
        params.forEach(query::setParameter);
        Map<Ref, Long> byClaimant = new HashMap<>();
        Map<Ref, Long> byAccused = new HashMap<>();
        Map<Long, Map<Long, Map<Position, Long>>> cells = new HashMap<>();
        long claims = 0;
        for (Object[] row : query.getResultList()) {
            Ref claimant = new Ref(((Number) row[0]).longValue(), (String) row[1]);
            Ref accused = new Ref(((Number) row[2]).longValue(), (String) row[3]);
            Position position = Position.valueOf((String) row[4]);
            long n = ((Number) row[5]).longValue();
            byClaimant.merge(claimant, n, Long::sum);
            byAccused.merge(accused, n, Long::sum);
            cells.computeIfAbsent(claimant.id(), k -> new HashMap<>()).computeIfAbsent(accused.id(),
                    k -> new EnumMap<>(Position.class)).merge(position, n, Long::sum);
            claims += n;
        }
        return new Matrix(top(byClaimant, limit), top(byAccused, limit), cells, byClaimant.size(), byAccused.size(), claims);
    }

    /** The parties with the most claims, ties by name, then id. */
    private static List<Ref> top(Map<Ref, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Ref, Long> e) -> -e.getValue())
                        .thenComparing(e -> e.getKey().name()).thenComparingLong(e -> e.getKey().id()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    /**
     * Every incident with coordinates that occurred within the dates (an incident without a date is
     * left out when dates are given), with the claims about it of the kind asked for.
     */
    public List<MapIncident> incidents(Filter filter) {
        StringBuilder where = new StringBuilder(" where i.latitude is not null and i.longitude is not null");
        Map<String, Object> params = new HashMap<>();
        if (filter.from() != null) {
            where.append(" and coalesce(i.occurred_until, i.occurred_on) >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and i.occurred_on <= :to");
            params.put("to", filter.to());
        }
        String kind = "";
        if (filter.kind() != null) {
            kind = " and c.kind = :kind";
            params.put("kind", filter.kind().name());
        }
        String sql = "select i.id, i.title, i.place, i.occurred_on, i.latitude, i.longitude,"
                + " max(greatest(c.casualties_low, c.casualties_high)), count(c.id),"
                + " string_agg(distinct coalesce(" + ACCUSED_POSITION + ", 'unresolved'), ',') filter (where c.addressed_party_id is not null),"
                + " string_agg(distinct ac.name, ', ')"
                + " from incident i left join claim c on c.incident_id = i.id" + kind + ACCUSED_JOIN
                + " left join party ac on ac.id = c.addressed_party_id"
                + where + " group by i.id order by i.occurred_on nulls first, i.id";
        NativeQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
        params.forEach(query::setParameter);
        List<MapIncident> out = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            List<Position> positions = row[8] == null ? List.of()
                    : java.util.Arrays.stream(((String) row[8]).split(",")).map(Position::valueOf).sorted().toList();
            out.add(new MapIncident(((Number) row[0]).longValue(), (String) row[1], (String) row[2], date(row[3]),
                    ((BigDecimal) row[4]).doubleValue(), ((BigDecimal) row[5]).doubleValue(),
                    row[6] == null ? null : ((Number) row[6]).intValue(), ((Number) row[7]).longValue(), positions,
                    (String) row[9]));
        }
        return out;
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) value;
    }

    private static void claimConditions(Filter filter, String dateColumn, StringBuilder where, Map<String, Object> params) {
        if (filter.from() != null) {
            where.append(" and ").append(dateColumn).append(" >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and ").append(dateColumn).append(" <= :to");
            params.put("to", filter.to());
        }
        if (filter.kind() != null) {
            where.append(" and c.kind = :kind");
            params.put("kind", filter.kind().name());
        }
    }
}
