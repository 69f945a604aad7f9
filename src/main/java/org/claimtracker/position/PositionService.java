package org.claimtracker.position;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.article.ArticleRef;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.common.ApiProblem;
import org.claimtracker.common.Dates;
import org.claimtracker.common.Page;
import org.claimtracker.common.PageParams;
import org.claimtracker.common.Ref;
import org.claimtracker.common.Rows;
import org.claimtracker.party.Party;
import org.claimtracker.response.Stance;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * Answers which claims a party denied, confirmed or left unresolved, as of any date. The rule
 * that turns a latest stance into a position lives in the database (tracker_position), so the API,
 * the admin pages and SQL reports all give the same answer.
 *
 * <p>Current positions (no {@code asOf}) are read from party_position and their numbers from
 * party_position_count, which triggers keep equal to the on-the-fly answer (see
 * V5__derive_party_positions.sql), so a party addressed by 100,000 claims answers a page from an
 * index. As of a date, they are computed on the fly (POSITIONED).
 *
 * <p>Commentary (claims of kind commentary) gives no position unless asked for ({@code commentary}
 * true): party_position leaves it out, and party_commentary_position derives, on the fly, what it
 * would give (V9__exclude_commentary_from_positions.sql).
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class PositionService {

    /**
     * Every claim the party has a position on: those addressed to it and those it responded to,
     * each with the party's latest response on or before :asOf; commentary only when :commentary.
     * (Package-visible: the test of party_position compares the table with it.)
     */
    static final String POSITIONED = """
            with latest as (
              select distinct on (r.claim_id) r.claim_id, r.id, r.stance, r.stated_on
                from response r
               where r.party_id = :party and r.stated_on <= :asOf
               order by r.claim_id, r.stated_on desc, r.id desc
            ), candidates as (
              select c.id from claim c where c.addressed_party_id = :party and c.stated_on <= :asOf
              union
              select l.claim_id from latest l
            ), positioned as (
              select c.id, c.stated_on, l.id as response_id, l.stance, l.stated_on as response_on,
                     tracker_position(l.stance, c.claimant_id = :party, c.addressed_party_id is not distinct from :party)
                       as position
                from candidates k
                join claim c on c.id = k.id
                left join latest l on l.claim_id = c.id
               where c.stated_on <= :asOf and (:commentary or c.kind <> 'commentary')
            )
            """;

    @Inject
    EntityManager em;

    /**
     * The rows of a page of positions, given a CTE {@code page (claim_id, position,
     * latest_response_id, sort_on)} holding the page's claims, where sort_on is coalesce(latest
     * response's date, claim's date): the order of the answer.
     */
    private static final String PAGE_JOINS = """
              from page x
              join claim c on c.id = x.claim_id
              join party cl on cl.id = c.claimant_id
              left join party ad on ad.id = c.addressed_party_id
              left join incident i on i.id = c.incident_id
              left join response r on r.id = x.latest_response_id
              left join article a on a.id = r.article_id
              left join outlet o on o.id = a.outlet_id
            """;

    private static final String PAGE_ORDER = "x.sort_on desc, x.claim_id desc";

    private static final String PAGE_ROWS = """
            select c.id, c.ref, c.proposition, c.kind, c.stated_on,
                   cl.id, cl.name, ad.id, ad.name, i.id, i.title, x.position,
                   r.id, r.stance, r.stated_on, r.quote,
                   a.id, a.title, a.published_on, a.url, o.id, o.name
            """ + PAGE_JOINS + " order by " + PAGE_ORDER + "\n";

    /**
     * The same rows as PAGE_ROWS, written by PostgreSQL as the JSON array the API answers, compact
     * and in the field order of {@link PartyClaim}, as Jackson writes it (PositionJsonTest holds the
     * two equal, field for field, in order and as compact; only the case of hex digits in \\u
     * escapes differs). Built by concatenation: json_build_object and json_agg write
     * spaces and line breaks, and measured 20-25% slower in PostgreSQL. Ids are numbers and the
     * vocabularies (kind, stance, position) plain words, both guarded by the schema (NOT NULL,
     * CHECK); texts and dates go through to_json, which escapes text and writes dates as ISO
     * whatever the session's DateStyle; the two nullable columns become null when absent.
     */
    private static final String PAGE_JSON = "select '[' || coalesce(string_agg("
            + object("claimId", "c.id", "ref", nullable("c.ref"), "proposition", text("c.proposition"),
                    "kind", word("c.kind"), "statedOn", text("c.stated_on"),
                    "claimant", object("id", "cl.id", "name", text("cl.name")),
                    "addressedParty", optional("ad.id", object("id", "ad.id", "name", text("ad.name"))),
                    "incident", optional("i.id", object("id", "i.id", "name", text("i.title"))),
                    "position", word("x.position"),
                    "latestResponse", optional("r.id", object("id", "r.id", "stance", word("r.stance"),
                            "statedOn", text("r.stated_on"),
                            "article", object("id", "a.id", "title", text("a.title"),
                                    "outlet", optional("o.id", object("id", "o.id", "name", text("o.name"))),
                                    "publishedOn", text("a.published_on"), "url", nullable("a.url")),
                            "quote", text("r.quote"))))
            + ", ',' order by " + PAGE_ORDER + "), '') || ']' as json\n" + PAGE_JOINS;

    /** SQL text of a JSON string or date: the column's to_json. */
    private static String text(String column) {
        return "to_json(" + column + ")::text";
    }

    /** SQL text of a JSON string or null. */
    private static String nullable(String column) {
        return "coalesce(to_json(" + column + ")::text, 'null')";
    }

    /** SQL text of a JSON string of a vocabulary word ([a-z_]+, by CHECK constraint): nothing to escape. */
    private static String word(String column) {
        return "'\"' || " + column + " || '\"'";
    }

    /** SQL text of a JSON object: names and SQL texts of values, alternately. */
    private static String object(String... namesAndValues) {
        StringBuilder sql = new StringBuilder("('{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            sql.append(i == 0 ? "" : ",").append('"').append(namesAndValues[i]).append("\":' || ")
                    .append(namesAndValues[i + 1]).append(" || '");
        }
        return sql.append("}')").toString();
    }

    /** SQL text of a JSON object that is null when {@code id} is null (an outer join found nothing). */
    private static String optional(String id, String object) {
        return "(case when " + id + " is null then 'null' else " + object + " end)";
    }

    /** The current positions: party_position, and with commentary what commentary would give. */
    private static String currentPositions(boolean commentary) {
        return commentary ? "(select party_id, claim_id, position, latest_response_id, latest_stance, sort_on"
                + " from party_position union all select party_id, claim_id, position, latest_response_id,"
                + " latest_stance, sort_on from party_commentary_position)" : "party_position";
    }

    /** How many current positions each party holds: party_position_count, and with commentary its own. */
    private static String currentCounts(boolean commentary) {
        return commentary ? "(select party_id, position, n from party_position_count union all"
                + " select party_id, position, count(*) from party_commentary_position group by party_id, position)"
                : "party_position_count";
    }

    /**
     * The CTE {@code page} of the current positions of a party (rows of party_position, with those of
     * party_commentary_position when commentary is asked for), given the bind markers of the party,
     * the status (null: every position), the limit and the offset.
     */
    private static String currentPage(String party, String status, String limit, String offset, boolean commentary) {
        return "page as (select pp.claim_id, pp.position, pp.latest_response_id, pp.sort_on from "
                + currentPositions(commentary) + " pp"
                + " where pp.party_id = " + party + (status == null ? "" : " and pp.position = " + status)
                + " order by pp.sort_on desc, pp.claim_id desc limit " + limit + " offset " + offset + ")\n";
    }

    /**
     * How many current positions party p holds (of the status whose bind marker is given; null:
     * every position): a scalar subquery over party_position_count (and, asked for, the commentary's).
     */
    private static String currentCount(String status, boolean commentary) {
        return "(select coalesce(sum(pp.n), 0) from " + currentCounts(commentary) + " pp where pp.party_id = p.id"
                + (status == null ? "" : " and pp.position = " + status) + ")";
    }

    public Page<PartyClaim> claimsOf(long partyId, Position status, LocalDate asOf, boolean commentary,
            PageParams page) {
        if (asOf == null) {
            return currentClaimsOf(partyId, status, commentary, page);
        }
        requireParty(partyId);
        String condition = status == null ? "x.position is not null" : "x.position = :status";
        Query count = em.createNativeQuery(POSITIONED + "select count(*) from positioned x where " + condition);
        long total = ((Number) bind(count, partyId, status, asOf, commentary).getSingleResult()).longValue();

        Query rows = em.createNativeQuery(POSITIONED + """
                , page as (
                  select x.id as claim_id, x.position, x.response_id as latest_response_id,
                         coalesce(x.response_on, x.stated_on) as sort_on
                    from positioned x
                   where %s
                   order by sort_on desc, x.id desc
                   limit :limit offset :offset
                )
                """.formatted(condition) + PAGE_ROWS);
        return page(bind(rows, partyId, status, asOf, commentary), page, total);
    }

    private Page<PartyClaim> currentClaimsOf(long partyId, Position status, boolean commentary, PageParams page) {
        String statusMarker = status == null ? null : ":status";
        // The party's existence and the number of its positions in one statement (no row: no party).
        Query count = em.createNativeQuery("select " + currentCount(statusMarker, commentary)
                + " from party p where p.id = :party");
        @SuppressWarnings("unchecked")
        List<Object> counted = bindCurrent(count, partyId, status).getResultList();
        if (counted.isEmpty()) {
            throw ApiProblem.notFound("party", partyId);
        }
        long total = ((Number) counted.get(0)).longValue();
        if (total <= page.offset()) {
            return new Page<>(List.of(), page.page(), page.size(), total);
        }
        Query rows = em.createNativeQuery("with " + currentPage(":party", statusMarker, ":limit", ":offset", commentary)
                + PAGE_ROWS);
        return page(bindCurrent(rows, partyId, status), page, total);
    }

    /**
     * A page of the current positions of a party as the API's JSON, {@code {"items": [...], "page": ..,
     * "size": .., "total": ..}}, in one statement whose JSON PostgreSQL writes; the API's busiest list
     * then costs the tracker one round trip and no mapping (see bench/RESULTS.md). The answer is the
     * one {@link #claimsOf} gives, as Jackson would write it.
     */
    public byte[] currentClaimsJson(long partyId, Position status, boolean commentary, PageParams page) {
        String statusMarker = status == null ? null : "?";
        String sql = "with " + currentPage("?", statusMarker, "?", "?", commentary) + ", items as (" + PAGE_JSON + ")"
                + " select " + currentCount(statusMarker, commentary) + ", items.json from party p, items where p.id = ?";
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        // Through the session's connection and statement inspector, as Hibernate's own statements go.
        String inspected = session.getJdbcSessionContext().getStatementInspector().inspect(sql);
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(inspected)) {
                int i = 1;
                statement.setLong(i++, partyId);
                if (status != null) {
                    statement.setString(i++, status.name());
                }
                statement.setInt(i++, page.size());
                statement.setInt(i++, page.offset());
                if (status != null) {
                    statement.setString(i++, status.name());
                }
                statement.setLong(i, partyId);
                try (ResultSet result = statement.executeQuery()) {
                    if (!result.next()) {
                        throw ApiProblem.notFound("party", partyId);
                    }
                    long total = result.getLong(1);
                    // The driver hands over the text PostgreSQL sent (UTF-8): no decoding, no encoding.
                    byte[] items = total <= page.offset() ? EMPTY_ARRAY : result.getBytes(2);
                    byte[] tail = (",\"page\":" + page.page() + ",\"size\":" + page.size() + ",\"total\":" + total
                            + "}").getBytes(StandardCharsets.US_ASCII);
                    byte[] json = new byte[ITEMS_KEY.length + items.length + tail.length];
                    System.arraycopy(ITEMS_KEY, 0, json, 0, ITEMS_KEY.length);
                    System.arraycopy(items, 0, json, ITEMS_KEY.length, items.length);
                    System.arraycopy(tail, 0, json, ITEMS_KEY.length + items.length, tail.length);
                    return json;
                }
            }
        });
    }

    private static final byte[] ITEMS_KEY = "{\"items\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_ARRAY = "[]".getBytes(StandardCharsets.US_ASCII);

    /** Runs a query of PAGE_ROWS, bound but for :limit and :offset, as the page of {@code total} rows. */
    private static Page<PartyClaim> page(Query rows, PageParams page, long total) {
        rows.setParameter("limit", page.size()).setParameter("offset", page.offset());
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        return new Page<>(result.stream().map(PositionService::partyClaim).toList(), page.page(), page.size(), total);
    }

    public PositionSummary summaryOf(long partyId, LocalDate asOf, boolean commentary) {
        Party party = requireParty(partyId);
        Query query;
        if (asOf == null) {
            query = em.createNativeQuery("select c.position, sum(c.n) from " + currentCounts(commentary)
                    + " c where c.party_id = :party group by c.position having sum(c.n) <> 0")
                    .setParameter("party", partyId);
        } else {
            query = bind(em.createNativeQuery(POSITIONED
                    + "select x.position, count(*) from positioned x where x.position is not null group by x.position"),
                    partyId, null, asOf, commentary);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> result = query.getResultList();
        Map<Position, Long> counts = new EnumMap<>(Position.class);
        for (Position position : Position.values()) {
            counts.put(position, 0L);
        }
        long total = 0;
        for (Object[] row : result) {
            long n = ((Number) row[1]).longValue();
            counts.put(Position.valueOf((String) row[0]), n);
            total += n;
        }
        return new PositionSummary(new Ref(party.getId(), party.getName()), asOf, counts, total);
    }

    /**
     * Every party that stands in some relation to the claim (claimant, addressed party, any party
     * that responded) with its latest stance on or before {@code asOf} and the position that follows.
     */
    public List<PartyPosition> positionsOn(long claimId, LocalDate asOf) {
        Query query = em.createNativeQuery("""
                with latest as (
                  select distinct on (r.party_id) r.party_id, r.id, r.stance, r.stated_on
                    from response r
                   where r.claim_id = :claim and r.stated_on <= :asOf
                   order by r.party_id, r.stated_on desc, r.id desc
                ), involved as (
                  select c.claimant_id as party_id from claim c where c.id = :claim
                  union select c.addressed_party_id from claim c where c.id = :claim and c.addressed_party_id is not null
                  union select l.party_id from latest l
                )
                select p.id, p.name,
                       case when p.id = c.claimant_id then 'claimant'
                            when p.id = c.addressed_party_id then 'addressed'
                            else 'respondent' end,
                       tracker_position(l.stance, p.id = c.claimant_id, p.id is not distinct from c.addressed_party_id),
                       l.stance, l.stated_on, l.id
                  from involved k
                  join party p on p.id = k.party_id
                  join claim c on c.id = :claim
                  left join latest l on l.party_id = p.id
                 order by case when p.id = c.claimant_id then 0 when p.id = c.addressed_party_id then 1 else 2 end,
                          lower(p.name)
                """);
        query.setParameter("claim", claimId).setParameter("asOf", Dates.orNoLimit(asOf));
        @SuppressWarnings("unchecked")
        List<Object[]> result = query.getResultList();
        return result.stream().map(row -> new PartyPosition(
                Rows.ref(row[0], row[1]),
                Role.valueOf((String) row[2]),
                row[3] == null ? null : Position.valueOf((String) row[3]),
                row[4] == null ? null : Stance.valueOf((String) row[4]),
                Rows.date(row[5]),
                Rows.id(row[6]))).toList();
    }

    /**
     * Claims whose addressed party has not denied or confirmed them, longest open first. A current
     * position 'unresolved' is always the addressed party's (tracker_position).
     */
    public Page<UnresolvedClaim> unresolved(boolean commentary, PageParams page) {
        long total = ((Number) em.createNativeQuery("select coalesce(sum(c.n), 0) from " + currentCounts(commentary)
                + " c where c.position = 'unresolved'").getSingleResult()).longValue();
        Query query = em.createNativeQuery("""
                select c.id, c.proposition, c.stated_on, cl.id, cl.name, ad.id, ad.name, pp.latest_stance,
                       current_date - c.stated_on
                  from %s pp
                  join claim c on c.id = pp.claim_id
                  join party cl on cl.id = c.claimant_id
                  join party ad on ad.id = pp.party_id
                 where pp.position = 'unresolved'
                 order by c.stated_on, c.id
                 limit :limit offset :offset
                """.formatted(currentPositions(commentary)));
        query.setParameter("limit", page.size()).setParameter("offset", page.offset());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<UnresolvedClaim> items = rows.stream().map(row -> new UnresolvedClaim(Rows.id(row[0]), (String) row[1],
                Rows.date(row[2]), Rows.ref(row[3], row[4]), Rows.ref(row[5], row[6]),
                row[7] == null ? null : Stance.valueOf((String) row[7]), ((Number) row[8]).longValue())).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The parties holding the most positions, with their counts per position. */
    public List<PartyCounts> busiestParties(boolean commentary, int limit) {
        Query query = em.createNativeQuery("""
                with counts as (
                  select c.party_id, c.position, sum(c.n) as n from %s c group by c.party_id, c.position
                ), top as (
                  select c.party_id from counts c
                   group by c.party_id having sum(c.n) > 0 order by sum(c.n) desc, c.party_id limit :limit
                )
                select p.id, p.name, c.position, c.n
                  from counts c join top t on t.party_id = c.party_id join party p on p.id = c.party_id
                 where c.n <> 0
                """.formatted(currentCounts(commentary)));
        query.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, PartyCounts> byParty = new java.util.LinkedHashMap<>();
        for (Object[] row : rows) {
            long id = Rows.id(row[0]);
            PartyCounts counts = byParty.computeIfAbsent(id, k -> new PartyCounts(Rows.ref(row[0], row[1]),
                    new EnumMap<>(Position.class), 0));
            long n = ((Number) row[3]).longValue();
            counts.counts().put(Position.valueOf((String) row[2]), n);
            byParty.put(id, new PartyCounts(counts.party(), counts.counts(), counts.total() + n));
        }
        return byParty.values().stream()
                .sorted(java.util.Comparator.comparingLong(PartyCounts::total).reversed()
                        .thenComparing(c -> c.party().name()))
                .toList();
    }

    private Party requireParty(long partyId) {
        Party party = em.find(Party.class, partyId);
        if (party == null) {
            throw ApiProblem.notFound("party", partyId);
        }
        return party;
    }

    private static Query bind(Query query, long partyId, Position status, LocalDate asOf, boolean commentary) {
        return bindCurrent(query, partyId, status).setParameter("asOf", Dates.orNoLimit(asOf))
                .setParameter("commentary", commentary);
    }

    private static Query bindCurrent(Query query, long partyId, Position status) {
        query.setParameter("party", partyId);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        return query;
    }

    private static PartyClaim partyClaim(Object[] row) {
        LatestResponse latest = row[12] == null ? null : new LatestResponse(
                Rows.id(row[12]), Stance.valueOf((String) row[13]), Rows.date(row[14]),
                new ArticleRef(Rows.id(row[16]), (String) row[17], Rows.ref(row[20], row[21]), Rows.date(row[18]),
                        (String) row[19]),
                (String) row[15]);
        return new PartyClaim(Rows.id(row[0]), (String) row[1], (String) row[2], ClaimKind.valueOf((String) row[3]),
                Rows.date(row[4]), Rows.ref(row[5], row[6]), Rows.ref(row[7], row[8]), Rows.ref(row[9], row[10]),
                Position.valueOf((String) row[11]), latest);
    }
}
