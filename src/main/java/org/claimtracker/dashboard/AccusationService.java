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

    /**
     * The accused's position on claim c: its party_position row, or for commentary the rule applied to
     * the accused's latest response (lr), or unresolved.
     */
    private static final String ACCUSED_POSITION =
            "coalesce(pp.position, tracker_position(lr.stance, c.claimant_id = c.addressed_party_id, true), 'unresolved')";

    /**
     * The joins that ACCUSED_POSITION reads. The latest responses to commentary are joined, not asked
     * for per claim: a sub-select per row made the planner expect a cost high enough to compile the
     * statement (JIT, a second on a busy machine) before running it.
     */
    private static final String ACCUSED_JOIN = """
             left join party_position pp on pp.party_id = c.addressed_party_id and pp.claim_id = c.id
             left join (select distinct on (r.claim_id, r.party_id) r.claim_id, r.party_id, r.stance
                          from response r join claim rc on rc.id = r.claim_id
                         where rc.kind = 'commentary'
                         order by r.claim_id, r.party_id, r.stated_on desc, r.id desc) lr
                    on lr.claim_id = c.id and lr.party_id = c.addressed_party_id and c.kind = 'commentary'
            """;

    @Inject
    Session session;

    /**
     * The matrix of the {@code limit} claimants and accused parties with the most claims, in one
     * statement: the cells are counted per pair and position, the top rows and columns chosen, and only
     * the cells between them (with the totals) come back.
     */
    public Matrix matrix(Filter filter, int limit) {
        StringBuilder where = new StringBuilder(" where c.addressed_party_id is not null");
        Map<String, Object> params = new HashMap<>();
        claimConditions(filter, "c.stated_on", where, params);
        params.put("limit", limit);
        String sql = "with cells as (select c.claimant_id, c.addressed_party_id as accused_id, " + ACCUSED_POSITION
                + " as position, count(*) as n from claim c" + ACCUSED_JOIN + where + " group by 1, 2, 3),"
                + " claimants as (select claimant_id, sum(n) as t from cells group by claimant_id order by t desc, claimant_id limit :limit),"
                + " accused as (select accused_id, sum(n) as t from cells group by accused_id order by t desc, accused_id limit :limit),"
                + " totals as (select count(distinct claimant_id) as claimants, count(distinct accused_id) as accused,"
                + " coalesce(sum(n), 0) as claims from cells)"
                + " select t.claimants, t.accused, t.claims, x.claimant_id, cl.name, k.t, x.accused_id, ac.name, a.t, x.position, x.n"
                + " from totals t left join (cells x join claimants k on k.claimant_id = x.claimant_id"
                + " join accused a on a.accused_id = x.accused_id) on true"
                + " left join party cl on cl.id = x.claimant_id left join party ac on ac.id = x.accused_id";
        NativeQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
        params.forEach(query::setParameter);
        Map<Ref, Long> byClaimant = new HashMap<>();
        Map<Ref, Long> byAccused = new HashMap<>();
        Map<Long, Map<Long, Map<Position, Long>>> cells = new HashMap<>();
        long claimants = 0;
        long accusedInAll = 0;
        long claims = 0;
        for (Object[] row : query.getResultList()) {
            claimants = ((Number) row[0]).longValue();
            accusedInAll = ((Number) row[1]).longValue();
            claims = ((Number) row[2]).longValue();
            if (row[3] == null) {
                continue;
            }
            Ref claimant = new Ref(((Number) row[3]).longValue(), (String) row[4]);
            Ref accused = new Ref(((Number) row[6]).longValue(), (String) row[7]);
            byClaimant.put(claimant, ((Number) row[5]).longValue());
            byAccused.put(accused, ((Number) row[8]).longValue());
            cells.computeIfAbsent(claimant.id(), k -> new HashMap<>()).computeIfAbsent(accused.id(),
                    k -> new EnumMap<>(Position.class)).merge(Position.valueOf((String) row[9]), ((Number) row[10]).longValue(), Long::sum);
        }
        return new Matrix(ordered(byClaimant), ordered(byAccused), cells, claimants, accusedInAll, claims);
    }

    /** The parties, most claims first, ties by name, then id. */
    private static List<Ref> ordered(Map<Ref, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Ref, Long> e) -> -e.getValue())
                        .thenComparing(e -> e.getKey().name()).thenComparingLong(e -> e.getKey().id()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Every incident with coordinates that occurred within the dates (an incident without a date is
     * left out when dates are given), with the claims about it; when a kind is asked for, only the
     * incidents with a claim of that kind, and only those claims.
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
                + " string_agg(distinct " + ACCUSED_POSITION + ", ',') filter (where c.addressed_party_id is not null),"
                + " string_agg(distinct ac.name, ', ')"
                + " from incident i left join claim c on c.incident_id = i.id" + kind + ACCUSED_JOIN
                + " left join party ac on ac.id = c.addressed_party_id"
                + where + " group by i.id" + (filter.kind() == null ? "" : " having count(c.id) > 0")
                + " order by i.occurred_on nulls first, i.id";
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
