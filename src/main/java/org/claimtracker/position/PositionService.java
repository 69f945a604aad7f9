package org.claimtracker.position;

import static org.claimtracker.core.SqlJson.array;
import static org.claimtracker.core.SqlJson.nullable;
import static org.claimtracker.core.SqlJson.number;
import static org.claimtracker.core.SqlJson.object;
import static org.claimtracker.core.SqlJson.optional;
import static org.claimtracker.core.SqlJson.text;
import static org.claimtracker.core.SqlJson.word;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Dates;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Ref;
import org.claimtracker.core.SqlJson;
import org.claimtracker.party.Party;
import org.claimtracker.response.Stance;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.query.NativeQuery;
import org.jetbrains.annotations.Nullable;

/**
 * Answers which claims a party denied, confirmed or left unresolved, as of any date. The rule
 * that turns a latest stance into a position lives in the database (tracker_position), so the API,
 * the admin pages and SQL reports all give the same answer.
 *
 * <p>Current positions (no {@code asOf}) are read from party_position and their numbers from
 * party_position_count, which triggers keep equal to the on-the-fly answer (see
 * V5__derive_party_positions.sql), so a party addressed by 100,000 claims answers a page from an
 * index. As of a date, they are computed on the fly (POSITIONED). Either way a page of them has
 * one shape, written by PostgreSQL as JSON (PAGE_JSON): the API passes it on, the admin pages read
 * it into {@link PartyClaim} records.
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
    static final String POSITIONED = "with " + latestResponse("claim_id", "r.party_id = :party") + """
            , candidates as (
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

    /**
     * The CTE {@code latest}: for each {@code per} (a column of response), the latest of the
     * responses that {@code where} selects stated on or before :asOf (of two on one day, the one
     * recorded last).
     */
    private static String latestResponse(String per, String where) {
        return """
                latest as (
                  select distinct on (r.%1$s) r.%1$s, r.id, r.stance, r.stated_on
                    from response r
                   where %2$s and r.stated_on <= :asOf
                   order by r.%1$s, r.stated_on desc, r.id desc
                )""".formatted(per, where);
    }

    /**
     * What a page of positions reads, given a CTE {@code page (claim_id, position,
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
              left join party rp on rp.id = r.party_id
              left join article a on a.id = r.article_id
              left join outlet o on o.id = a.outlet_id
            """;

    /**
     * The one definition of a page's items: the JSON array of {@link PartyClaim}s, written by
     * PostgreSQL compact and in the record's field order, as Jackson writes it. The API passes it on
     * as it comes; the admin pages read it into records (PositionJsonTest holds the two shapes equal).
     * Ids are numbers and the vocabularies (kind, stance, position) plain words, both guarded by the
     * schema (NOT NULL, CHECK); the nullable columns and outer joins become null when absent.
     */
    private static final String PAGE_JSON = "select " + array(
            object("claimId", number("c.id"), "ref", nullable("c.ref"), "proposition", text("c.proposition"),
                    "kind", word("c.kind"), "statedOn", text("c.stated_on"),
                    "claimant", object("id", number("cl.id"), "name", text("cl.name")),
                    "addressedParty", optional("ad.id", object("id", number("ad.id"), "name", text("ad.name"))),
                    "incident", optional("i.id", object("id", number("i.id"), "name", text("i.title"))),
                    "position", word("x.position"),
                    "latestResponse", optional("r.id", object("id", number("r.id"), "stance", word("r.stance"),
                            "statedOn", text("r.stated_on"),
                            "article", object("id", number("a.id"), "title", text("a.title"),
                                    "outlet", optional("o.id", object("id", number("o.id"), "name", text("o.name"))),
                                    "publishedOn", text("a.published_on"), "url", nullable("a.url")),
                            "quote", text("r.quote"))),
                    "respondent", optional("rp.id", object("id", number("rp.id"), "name", text("rp.name")))),
            "x.sort_on desc, x.claim_id desc") + " as json\n" + PAGE_JOINS;

    @Inject
    Session session;

    /** Reads a page strictly: every field of PartyClaim present, no other (PositionJsonTest). */
    private final ObjectReader pageReader;

    @Inject
    PositionService(ObjectMapper mapper) {
        pageReader = mapper.readerFor(new TypeReference<Page<PartyClaim>>() { })
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
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

    /**
     * A page of a party's claims with a position (of {@code status}; null: every position), as of a
     * date (null: today), as the API answers it: {@code {"items": [...], "page": .., "size": ..,
     * "total": ..}}, the items written by PostgreSQL ({@link #PAGE_JSON}).
     */
    public byte[] claimsJson(long partyId, Position status, LocalDate asOf, boolean commentary, PageParams page) {
        return claimsJson(partyId, Scope.self, status, asOf, commentary, page);
    }

    /**
     * The same page within a scope: self as {@link #claimsJson(long, Position, LocalDate, boolean,
     * PageParams)}; parts and members rolled up (tracker_scoped_positions, V12): the current ones kept in
     * party_scope_position (V14), as of a date mostly read from it too (V22, {@link #SCOPED_AS_OF}),
     * with commentary computed when asked.
     */
    public byte[] claimsJson(long partyId, Scope scope, Position status, LocalDate asOf, boolean commentary,
            PageParams page) {
        if (scope != null && scope != Scope.self) {
            if (asOf == null && !commentary) {
                byte[] rolled = currentClaimsJson(partyId, scope, status, false, page);
                if (rolled != null) {
                    return rolled;
                }
                // The scope holds the party alone: its answer is party_position's.
            } else {
                return scopedClaimsJson(partyId, scope, status, asOf, commentary, page);
            }
        }
        return asOf == null ? currentClaimsJson(partyId, Scope.self, status, commentary, page)
                : claimsJsonAsOf(partyId, status, asOf, commentary, page);
    }

    /** The same page as {@link #claimsJson}, read into records for the admin pages. */
    public Page<PartyClaim> claimsOf(long partyId, Position status, LocalDate asOf, boolean commentary,
            PageParams page) {
        return claimsOf(partyId, Scope.self, status, asOf, commentary, page);
    }

    /** The same page within a scope, read into records. */
    public Page<PartyClaim> claimsOf(long partyId, Scope scope, Position status, LocalDate asOf, boolean commentary,
            PageParams page) {
        try {
            return pageReader.readValue(claimsJson(partyId, scope, status, asOf, commentary, page));
        } catch (IOException e) {
            throw new IllegalStateException("The page's JSON does not fit PartyClaim", e);
        }
    }

    /**
     * The current page in one statement: the party check, the count from party_position_count and
     * the page from party_position. The API's busiest list thus costs the tracker one round trip and
     * no mapping (see bench/RESULTS.md). With scope parts or members (never with commentary), the
     * same from party_scope_position and its counts (V14), which keep the rolled-up answer of every
     * party whose scope is wider than itself; null when the party's is not (then the scope is the
     * party alone, and the caller asks again with self).
     */
    private byte[] currentClaimsJson(long partyId, Scope scope, Position status, boolean commentary, PageParams page) {
        boolean rolled = scope != Scope.self;
        String statusMarker = status == null ? null : "?";
        String sql = rolled
                ? "with page as (select pp.claim_id, pp.position, pp.response_id as latest_response_id, pp.sort_on"
                        + " from party_scope_position pp where pp.root_id = ? and pp.scope = ?"
                        + (status == null ? "" : " and pp.position = ?")
                        + " order by pp.sort_on desc, pp.claim_id desc limit ? offset ?)\n"
                        + ", items as (" + PAGE_JSON + ")"
                        + " select (select coalesce(sum(pp.n), 0) from party_scope_position_count pp"
                        + " where pp.root_id = p.id and pp.scope = ?" + (status == null ? "" : " and pp.position = ?")
                        + "), items.json, tracker_scope_is_rolled(p.id, ?) from party p, items where p.id = ?"
                : "with " + currentPage("?", statusMarker, "?", "?", commentary) + ", items as (" + PAGE_JSON + ")"
                        + " select " + currentCount(statusMarker, commentary) + ", items.json, true"
                        + " from party p, items where p.id = ?";
        SessionImplementor implementor = session.unwrap(SessionImplementor.class);
        // Through the session's connection and statement inspector, as Hibernate's own statements go.
        String inspected = implementor.getJdbcSessionContext().getStatementInspector().inspect(sql);
        return implementor.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(inspected)) {
                int i = 1;
                statement.setLong(i++, partyId);
                if (rolled) {
                    statement.setString(i++, scope.name());
                }
                if (status != null) {
                    statement.setString(i++, status.name());
                }
                statement.setInt(i++, page.size());
                statement.setInt(i++, page.offset());
                if (rolled) {
                    statement.setString(i++, scope.name());
                }
                if (status != null) {
                    statement.setString(i++, status.name());
                }
                if (rolled) {
                    statement.setString(i++, scope.name());
                }
                statement.setLong(i, partyId);
                try (ResultSet result = statement.executeQuery()) {
                    if (!result.next()) {
                        throw ApiProblem.notFound("party", partyId);
                    }
                    if (!result.getBoolean(3)) {
                        return null;
                    }
                    long total = result.getLong(1);
                    // The driver hands over the text PostgreSQL sent (UTF-8): no decoding, no encoding.
                    byte[] items = total <= page.offset() ? SqlJson.EMPTY_ARRAY : result.getBytes(2);
                    return SqlJson.page(items, page.page(), page.size(), total);
                }
            }
        });
    }

    /**
     * A page as of a date, derived on the fly (POSITIONED): the party check with the count, then the
     * page, where the query costs far more than the tracker's share.
     */
    private byte[] claimsJsonAsOf(long partyId, Position status, LocalDate asOf, boolean commentary,
            PageParams page) {
        return positionsPage(POSITIONED, status == null ? "x.position is not null" : "x.position = :status", "x.id",
                "coalesce(x.response_on, x.stated_on)", query -> bind(query, partyId, status, asOf, commentary),
                partyId, page);
    }

    /**
     * A page rolled up over a scope (parts, members): the rows of tracker_scoped_positions, counted,
     * then the page written as JSON by {@link #PAGE_JSON}.
     */
    private byte[] scopedClaimsJson(long partyId, Scope scope, Position status, LocalDate asOf, boolean commentary,
            PageParams page) {
        if (asOf != null && !commentary) {
            return scopedClaimsJsonAsOf(partyId, scope, status, asOf, page);
        }
        return positionsPage(SCOPED, status == null ? "true" : "x.position = :status", "x.claim_id", "x.sort_on",
                query -> bindScoped(query, partyId, scope, status, asOf, commentary), partyId, page);
    }

    /**
     * A page of the CTE {@code positioned} (with {@code claimId} and {@code sortOn} the expressions of
     * its claim and its date): the party check with the count in one statement (no row: no party),
     * then the page as JSON, both bound by {@code binder}.
     */
    private byte[] positionsPage(String positioned, String condition, String claimId, String sortOn,
            Consumer<NativeQuery<?>> binder, long partyId, PageParams page) {
        NativeQuery<Long> count = session.createNativeQuery(positioned + "select (select count(*) from positioned x"
                + " where " + condition + ") from party p where p.id = :party", Long.class);
        binder.accept(count);
        List<Long> counted = count.getResultList();
        if (counted.isEmpty()) {
            throw ApiProblem.notFound("party", partyId);
        }
        long total = counted.get(0);
        if (total <= page.offset()) {
            return SqlJson.page(SqlJson.EMPTY_ARRAY, page.page(), page.size(), total);
        }
        NativeQuery<String> items = session.createNativeQuery(positioned + """
                , page as (
                  select %s as claim_id, x.position, x.response_id as latest_response_id, %s as sort_on
                    from positioned x
                   where %s
                   order by sort_on desc, claim_id desc
                   limit :limit offset :offset
                )
                """.formatted(claimId, sortOn, condition) + PAGE_JSON, String.class);
        binder.accept(items);
        String json = items.setParameter("limit", page.size()).setParameter("offset", page.offset()).getSingleResult();
        return SqlJson.page(json.getBytes(StandardCharsets.UTF_8), page.page(), page.size(), total);
    }

    /**
     * A page rolled up over a scope as of a date, without commentary, in one statement: the party
     * check, the total from {@code counted} and the page of {@link #SCOPED_AS_OF}, where the kept
     * rows are read in page order through party_scope_position's indexes (at most offset + size of
     * them) and merged with the derived ones.
     */
    private byte[] scopedClaimsJsonAsOf(long partyId, Scope scope, Position status, LocalDate asOf, PageParams page) {
        String kept = status == null ? "" : " and p.position = :status";
        String derived = status == null ? "" : " and x.position = :status";
        NativeQuery<CountedPage> query = session.createNativeQuery(SCOPED_AS_OF + """
                , page as (
                  select y.claim_id, y.position, y.response_id as latest_response_id, y.sort_on
                    from ((select p.claim_id, p.position, p.response_id, p.sort_on
                             from party_scope_position p
                            where %3$s%1$s
                            order by p.sort_on desc, p.claim_id desc
                            limit :end)
                          union all
                          select x.claim_id, x.position, x.response_id, x.sort_on
                            from changes x
                           where x.position is not null%2$s) y
                   order by y.sort_on desc, y.claim_id desc
                   limit :limit offset :offset
                ), items as (
                """.formatted(kept, derived, KEPT_AS_OF) + PAGE_JSON + ") select (select coalesce(sum(c.n), 0)::bigint from counted c"
                + (status == null ? "" : " where c.position = :status") + "), items.json from party p, items"
                + " where p.id = :party", CountedPage.class);
        bindAsOf(query, partyId, scope, asOf);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        List<CountedPage> rows = query.setParameter("limit", page.size()).setParameter("offset", page.offset())
                .setParameter("end", page.offset() + page.size()).getResultList();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("party", partyId);
        }
        CountedPage counted = rows.get(0);
        byte[] items = counted.total() <= page.offset() ? SqlJson.EMPTY_ARRAY
                : counted.json().getBytes(StandardCharsets.UTF_8);
        return SqlJson.page(items, page.page(), page.size(), counted.total());
    }

    /** A row of {@link #scopedClaimsJsonAsOf}: the total, and the page's items as JSON. */
    record CountedPage(long total, String json) {
    }

    /**
     * Which kept rows of party_scope_position (alias p) hold as they are on :asOf: the claim stated by
     * then, its deciding response too, and not masked by a late member ({@code changes}). Read by
     * {@link #SCOPED_AS_OF}'s {@code positioned} and by the page of {@link #scopedClaimsJsonAsOf}.
     */
    private static final String KEPT_AS_OF = "p.root_id = :party and p.scope = :scope and p.sort_on <= :asOf"
            + " and p.stated_on <= :asOf and p.claim_id not in (select x.claim_id from changes x where x.late)";

    /**
     * A party's positions rolled up over :scope as of :asOf, commentary left out, mostly from what is
     * kept (V22): the CTE {@code positioned} of them, and {@code counted} (month, position, n) whose
     * sums per position and month are their numbers.
     *
     * <p>{@code changes} (tracker_scope_positions_changed) derives on the fly the claims whose answer
     * may differ from the kept one (a few thousand for a coalition at 1M claims, where the whole
     * scope is 184,000); every other row of party_scope_position holds as it is when the claim is
     * stated by then and its latest counting response too (sort_on), unless the claim is masked
     * ({@code late}). For a party whose scope is the party alone nothing is kept and the function
     * gives the whole answer. The numbers come from party_scope_position_month (V15) for the months
     * before :asOf's, the rows of its month up to :asOf, less the rows of a claim stated after :asOf
     * whose deciding response is dated before the claim (party_scope_position_early_idx), less the
     * masked rows, plus the derived ones. Both equal tracker_scoped_positions (V12):
     * ScopedPositionMaintenanceTest.
     */
    static final String SCOPED_AS_OF = """
            with changes as materialized (
              select * from tracker_scope_positions_changed(:party, cast(:scope as varchar), cast(:asOf as date))
            ), positioned as not materialized (
              select p.claim_id, p.position, p.response_id, p.respondent_id, p.sort_on
                from party_scope_position p
               where\s""" + KEPT_AS_OF + """
              union all
              select x.claim_id, x.position, x.response_id, x.respondent_id, x.sort_on
                from changes x
               where x.position is not null
            ), counted (month, position, n) as not materialized (
              select m.month, m.position, m.n
                from party_scope_position_month m
               where m.root_id = :party and m.scope = :scope and m.month < tracker_position_month(cast(:asOf as date))
              union all
              select tracker_position_month(p.sort_on), p.position, 1
                from party_scope_position p
               where p.root_id = :party and p.scope = :scope and p.sort_on <= :asOf
                 and p.sort_on >= tracker_position_month(cast(:asOf as date))
              union all
              select tracker_position_month(p.sort_on), p.position, -1
                from party_scope_position p
               where p.root_id = :party and p.scope = :scope and p.sort_on < p.stated_on and p.stated_on > :asOf
                 and p.sort_on <= :asOf
              union all
              select tracker_position_month(p.sort_on), p.position, -1
                from changes x
                join party_scope_position p on p.root_id = :party and p.scope = :scope and p.claim_id = x.claim_id
               where x.late and p.sort_on <= :asOf and p.stated_on <= :asOf
              union all
              select tracker_position_month(x.sort_on), x.position, 1
                from changes x
               where x.position is not null
            )
            """;

    private static <T> NativeQuery<T> bindAsOf(NativeQuery<T> query, long partyId, Scope scope, LocalDate asOf) {
        return query.setParameter("party", partyId).setParameter("scope", scope.name()).setParameter("asOf", asOf);
    }

    /** The CTE {@code positioned}: the party's positions rolled up over :scope, as of :asOf (V12). */
    private static final String SCOPED = """
            with positioned as (
              select s.claim_id, s.position, s.response_id, s.respondent_id, s.sort_on
                from tracker_scoped_positions(:party, cast(:scope as varchar), cast(:asOf as date), :commentary) s
            )
            """;

    private static <T> NativeQuery<T> bindScoped(NativeQuery<T> query, long partyId, Scope scope, Position status,
            LocalDate asOf, boolean commentary) {
        query.setParameter("party", partyId).setParameter("scope", scope.name())
                .setParameter("asOf", Dates.orNoLimit(asOf)).setParameter("commentary", commentary);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        return query;
    }

    public PositionSummary summaryOf(long partyId, LocalDate asOf, boolean commentary) {
        return summaryOf(partyId, Scope.self, asOf, commentary);
    }

    /** How many claims the party holds each position on within a scope (self: the maintained counts). */
    public PositionSummary summaryOf(long partyId, Scope scope, LocalDate asOf, boolean commentary) {
        Party party = requireParty(partyId);
        boolean rolled = scope != null && scope != Scope.self && asOf == null && !commentary
                && session.createNativeQuery("select tracker_scope_is_rolled(:party, cast(:scope as varchar))",
                        Boolean.class).setParameter("party", partyId).setParameter("scope", scope.name())
                        .getSingleResult();
        List<PositionCount> rows = rolled
                // The maintained counts (V14).
                ? session.createNativeQuery("select c.position, c.n from party_scope_position_count c"
                        + " where c.root_id = :party and c.scope = :scope and c.n <> 0", PositionCount.class)
                        .setParameter("party", partyId).setParameter("scope", scope.name()).getResultList()
                : scope != null && scope != Scope.self && !commentary && asOf != null
                ? bindAsOf(session.createNativeQuery(SCOPED_AS_OF + "select c.position, sum(c.n)::bigint from counted c"
                        + " group by c.position having sum(c.n) <> 0", PositionCount.class), partyId, scope, asOf)
                        .getResultList()
                : scope != null && scope != Scope.self && (asOf != null || commentary)
                ? bindScoped(session.createNativeQuery(SCOPED + "select x.position, count(*) from positioned x"
                        + " group by x.position", PositionCount.class), partyId, scope, null, asOf, commentary)
                        .getResultList()
                : asOf == null
                ? session.createNativeQuery("select c.position, sum(c.n)::bigint from " + currentCounts(commentary)
                        + " c where c.party_id = :party group by c.position having sum(c.n) <> 0", PositionCount.class)
                        .setParameter("party", partyId).getResultList()
                : bind(session.createNativeQuery(POSITIONED + "select x.position, count(*) from positioned x"
                        + " where x.position is not null group by x.position", PositionCount.class),
                        partyId, null, asOf, commentary).getResultList();
        Map<Position, Long> counts = new EnumMap<>(Position.class);
        for (Position position : Position.values()) {
            counts.put(position, 0L);
        }
        for (PositionCount row : rows) {
            counts.put(Position.valueOf(row.position()), row.n());
        }
        long total = rows.stream().mapToLong(PositionCount::n).sum();
        return new PositionSummary(Party.ref(party), asOf, counts, total);
    }

    /**
     * How many positions of each kind the party took in each month, within a scope and as of a date,
     * for the party page's picture: one statement, counted in SQL, whichever way the positions are
     * read (the maintained months of party_position_month and party_scope_position_month when
     * current, V15; derived on the fly as of a date or for a wider scope with commentary, as {@link
     * #summaryOf}). The month is that of sort_on: the party's latest response, or the claim's date
     * when there is none. Months without positions are absent.
     */
    public List<PositionMonth> monthsOf(long partyId, Scope scope, LocalDate asOf, boolean commentary) {
        // The month as a timestamp without time zone (date_trunc of a date would go through
        // timestamptz and the time zone rules for every row: four times slower); written as text
        // only once grouped.
        String month = "date_trunc('month', cast(%s as timestamp))";
        String grouped = " group by 1, 2";
        boolean wide = scope != null && scope != Scope.self;
        String inner;
        NativeQuery<MonthRow> query;
        if (wide && asOf == null && !commentary) {
            // The maintained rolled-up months (V15, of V14's rows) when the scope is wider than the
            // party, else its own: a row per month and position, already counted.
            inner = "select cast(x.month as timestamp), x.position, x.n"
                    + " from party_scope_position_month x where x.root_id = :party and x.scope = :scope and x.n <> 0"
                    + " and tracker_scope_is_rolled(:party, cast(:scope as varchar))"
                    + " union all select cast(x.month as timestamp), x.position, x.n"
                    + " from party_position_month x where x.party_id = :party and x.n <> 0"
                    + " and not tracker_scope_is_rolled(:party, cast(:scope as varchar))";
            query = session.createNativeQuery(months(inner, ""), MonthRow.class)
                    .setParameter("party", partyId).setParameter("scope", scope.name());
        } else if (wide && !commentary) {
            // As of a date: mostly what is kept (V22).
            inner = "select cast(c.month as timestamp), c.position, sum(c.n)::bigint from counted c" + grouped
                    + " having sum(c.n) <> 0";
            query = bindAsOf(session.createNativeQuery(months(inner, SCOPED_AS_OF), MonthRow.class), partyId, scope, asOf);
        } else if (wide) {
            inner = "select " + month.formatted("x.sort_on") + ", x.position, count(*) from positioned x"
                    + " where x.position is not null" + grouped;
            query = bindScoped(session.createNativeQuery(months(inner, SCOPED), MonthRow.class), partyId, scope, null,
                    asOf, commentary);
        } else if (asOf == null) {
            // The maintained months (V15), with commentary's own counted on the fly when asked for.
            String maintained = "select cast(x.month as timestamp), x.position, x.n from party_position_month x"
                    + " where x.party_id = :party and x.n <> 0";
            inner = commentary
                    ? "select y.m, y.position, sum(y.n)::bigint from (" + maintained + " union all select "
                            + month.formatted("x.sort_on") + ", x.position, count(*) from party_commentary_position x"
                            + " where x.party_id = :party" + grouped + ") as y (m, position, n)" + grouped
                    : maintained;
            query = session.createNativeQuery(months(inner, ""), MonthRow.class).setParameter("party", partyId);
        } else {
            inner = "select " + month.formatted("coalesce(x.response_on, x.stated_on)") + ", x.position, count(*)"
                    + " from positioned x where x.position is not null" + grouped;
            query = bind(session.createNativeQuery(months(inner, POSITIONED), MonthRow.class), partyId, null, asOf,
                    commentary);
        }
        return query.getResultStream().map(r -> new PositionMonth(r.month(), Position.valueOf(r.position()), r.n())).toList();
    }

    /** The rows of {@code inner} (month, position, n) with the month as yyyy-MM, in order; {@code with} before. */
    private static String months(String inner, String with) {
        return with + "select to_char(g.m, 'YYYY-MM'), g.position, g.n from (" + inner + ") as g (m, position, n)"
                + " order by 1, 2";
    }

    /** A row of {@link #monthsOf}. */
    record MonthRow(String month, String position, long n) {
    }

    /** The spans of days the dashboard sorts open claims into. */
    private static final int[] SPAN_STARTS = {0, 7, 30, 90, 365, 730};
    private static final String[] SPAN_LABELS = {"under a week", "1 to 4 weeks", "1 to 3 months", "3 to 12 months",
            "1 to 2 years", "2 years or more"};

    /**
     * How long the currently unresolved claims have been open (today minus the day the claim was
     * stated), counted in spans of days in one statement.
     */
    public List<OpenSpan> unresolvedAges(boolean commentary) {
        StringBuilder filters = new StringBuilder();
        for (int i = 0; i < SPAN_STARTS.length; i++) {
            filters.append(i == 0 ? "" : ", ").append("count(*) filter (where x.d >= ").append(SPAN_STARTS[i])
                    .append(i + 1 < SPAN_STARTS.length ? " and x.d < " + SPAN_STARTS[i + 1] : "").append(")");
        }
        Object[] row = (Object[]) session.createNativeQuery("select " + filters + " from (select current_date - c.stated_on as d"
                + " from " + currentPositions(commentary) + " pp join claim c on c.id = pp.claim_id"
                + " where pp.position = 'unresolved') x", Object[].class).getSingleResult();
        List<OpenSpan> spans = new ArrayList<>();
        for (int i = 0; i < SPAN_STARTS.length; i++) {
            spans.add(new OpenSpan(SPAN_LABELS[i], SPAN_STARTS[i], i + 1 < SPAN_STARTS.length ? SPAN_STARTS[i + 1] : null,
                    ((Number) row[i]).longValue()));
        }
        return spans;
    }

    /**
     * A page of the parties holding positions, most first, with their counts per position and, as
     * the page's total, how many parties hold any: one statement.
     */
    public Page<PartyCounts> partiesByPositions(boolean commentary, PageParams page) {
        List<PagedPartyCount> rows = session.createNativeQuery("""
                with counts as (
                  select c.party_id, c.position, sum(c.n)::bigint as n from %s c group by c.party_id, c.position
                ), ranked as (
                  select c.party_id, sum(c.n)::bigint as total from counts c
                   group by c.party_id having sum(c.n) > 0 order by sum(c.n) desc, c.party_id limit :limit offset :offset
                ), everyone as (
                  select count(distinct c.party_id) as parties from counts c where c.n > 0
                )
                select e.parties, p.id, p.name, c.position, c.n, t.total
                  from everyone e
                  left join ranked t on true
                  left join counts c on c.party_id = t.party_id and c.n <> 0
                  left join party p on p.id = t.party_id
                 order by t.total desc, p.id
                """.formatted(currentCounts(commentary)), PagedPartyCount.class)
                .setParameter("limit", page.size()).setParameter("offset", page.offset()).getResultList();
        long parties = rows.isEmpty() ? 0 : rows.get(0).parties();
        Map<Ref, Map<Position, Long>> byParty = new LinkedHashMap<>();
        for (PagedPartyCount row : rows) {
            if (row.partyId() != null && row.position() != null) {
                byParty.computeIfAbsent(new Ref(row.partyId(), row.name()), party -> new EnumMap<>(Position.class))
                        .put(Position.valueOf(row.position()), row.n());
            }
        }
        List<PartyCounts> items = byParty.entrySet().stream()
                .map(e -> new PartyCounts(e.getKey(), e.getValue(),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum()))
                .toList();
        return new Page<>(items, page.page(), page.size(), parties);
    }

    /** A row of {@link #partiesByPositions}: the number of parties, then one count of one party (nulls past the end). */
    record PagedPartyCount(long parties, @Nullable Long partyId, @Nullable String name, @Nullable String position,
            @Nullable Long n, @Nullable Long total) {
    }

    /** How many parts and members answer for the party within the widest scope (tracker_scope, V12). */
    public ScopeSize scopeSize(long partyId) {
        Object[] row = (Object[]) session.createNativeQuery("""
                select count(distinct s.party_id) filter (where s.via = 'part'),
                       (select count(distinct m.member_id) from party_membership m where m.group_id = :party)
                  from tracker_scope(:party, 'members') s
                """, Object[].class).setParameter("party", partyId).getSingleResult();
        return new ScopeSize(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** How many positions of one kind: a row of a summary. */
    record PositionCount(String position, long n) {
    }

    /**
     * Every party that stands in some relation to the claim (claimant, addressed party, any party
     * that responded) with its latest stance on or before {@code asOf} and the position that follows;
     * the claimant first, then the addressed party, then the respondents by name. GET
     * /api/claims/{id} writes the same in SQL (claim/ClaimJson): change both (ClaimJsonTest).
     */
    public List<PartyPosition> positionsOn(long claimId, LocalDate asOf) {
        return session.createNativeQuery("with " + latestResponse("party_id", "r.claim_id = :claim") + """
                , involved as (
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
                          lower(p.name), p.id
                """, PartyPositionRow.class)
                .setParameter("claim", claimId).setParameter("asOf", Dates.orNoLimit(asOf))
                .getResultStream().map(PartyPositionRow::toPartyPosition).toList();
    }

    /** A row of {@link #positionsOn}: the vocabularies as the database spells them. */
    record PartyPositionRow(long partyId, String partyName, String role, @Nullable String position,
            @Nullable String stance, @Nullable LocalDate statedOn, @Nullable Long responseId) {

        PartyPosition toPartyPosition() {
            return new PartyPosition(new Ref(partyId, partyName), Role.valueOf(role), valueOf(Position.class, position),
                    valueOf(Stance.class, stance), statedOn, responseId);
        }
    }

    /**
     * Claims whose addressed party has not denied or confirmed them, longest open first. A current
     * position 'unresolved' is always the addressed party's (tracker_position).
     */
    public Page<UnresolvedClaim> unresolved(boolean commentary, PageParams page) {
        long total = session.createNativeQuery("select coalesce(sum(c.n), 0)::bigint from " + currentCounts(commentary)
                + " c where c.position = 'unresolved'", Long.class).getSingleResult();
        List<UnresolvedClaim> items = session.createNativeQuery("""
                select c.id, c.proposition, c.stated_on, cl.id, cl.name, ad.id, ad.name, pp.latest_stance,
                       current_date - c.stated_on
                  from %s pp
                  join claim c on c.id = pp.claim_id
                  join party cl on cl.id = c.claimant_id
                  join party ad on ad.id = pp.party_id
                 where pp.position = 'unresolved'
                 order by c.stated_on, c.id
                 limit :limit offset :offset
                """.formatted(currentPositions(commentary)), UnresolvedRow.class)
                .setParameter("limit", page.size()).setParameter("offset", page.offset())
                .getResultStream().map(UnresolvedRow::toUnresolvedClaim).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** A row of {@link #unresolved}. */
    record UnresolvedRow(long claimId, String proposition, LocalDate statedOn, long claimantId, String claimantName,
            long addressedId, String addressedName, @Nullable String latestStance, long daysOpen) {

        UnresolvedClaim toUnresolvedClaim() {
            return new UnresolvedClaim(claimId, proposition, statedOn, new Ref(claimantId, claimantName),
                    new Ref(addressedId, addressedName), valueOf(Stance.class, latestStance), daysOpen);
        }
    }

    /** The parties holding the most positions, with their counts per position. */
    public List<PartyCounts> busiestParties(boolean commentary, int limit) {
        List<PartyPositionCount> rows = session.createNativeQuery("""
                with counts as (
                  select c.party_id, c.position, sum(c.n)::bigint as n from %s c group by c.party_id, c.position
                ), top as (
                  select c.party_id from counts c
                   group by c.party_id having sum(c.n) > 0 order by sum(c.n) desc, c.party_id limit :limit
                )
                select p.id, p.name, c.position, c.n
                  from counts c join top t on t.party_id = c.party_id join party p on p.id = c.party_id
                 where c.n <> 0
                """.formatted(currentCounts(commentary)), PartyPositionCount.class)
                .setParameter("limit", limit).getResultList();
        Map<Ref, Map<Position, Long>> byParty = new LinkedHashMap<>();
        for (PartyPositionCount row : rows) {
            byParty.computeIfAbsent(new Ref(row.partyId(), row.name()), party -> new EnumMap<>(Position.class))
                    .put(Position.valueOf(row.position()), row.n());
        }
        return byParty.entrySet().stream()
                .map(e -> new PartyCounts(e.getKey(), e.getValue(),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum()))
                .sorted(Comparator.comparingLong(PartyCounts::total).reversed().thenComparing(c -> c.party().name()))
                .toList();
    }

    /** How many positions of one kind a party holds: a row of {@link #busiestParties}. */
    record PartyPositionCount(long partyId, String name, String position, long n) {
    }

    private Party requireParty(long partyId) {
        Party party = session.find(Party.class, partyId);
        if (party == null) {
            throw ApiProblem.notFound("party", partyId);
        }
        return party;
    }

    /** A word of a vocabulary as the database spells it (null stays null). */
    private static <E extends Enum<E>> E valueOf(Class<E> vocabulary, @Nullable String word) {
        return word == null ? null : Enum.valueOf(vocabulary, word);
    }

    private static <T> NativeQuery<T> bind(NativeQuery<T> query, long partyId, Position status, LocalDate asOf,
            boolean commentary) {
        query.setParameter("party", partyId).setParameter("asOf", Dates.orNoLimit(asOf))
                .setParameter("commentary", commentary);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        return query;
    }
}
