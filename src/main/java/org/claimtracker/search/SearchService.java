package org.claimtracker.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.claimtracker.core.NamedSql;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Rows;
import org.claimtracker.core.TrackerConfig;
import org.jboss.logging.Logger;

/**
 * Full-text search over articles, claims, quotes, responses, incidents and parties, in PostgreSQL
 * (V11__full_text_search.sql: generated tsvector columns, GIN indexes, tracker_search_query).
 *
 * <p>A search reads at most {@value #WINDOW} matches of each kind, {@value #ARTICLE_WINDOW} of
 * articles (its window: an article's vector is long, and reading it is most of a search's time), ranks them, and
 * answers the facets, the page of hits with their snippets (ts_headline runs for the page only) and,
 * when fewer than {@value #FEW} records matched, suggestions, all in one statement. The window keeps
 * the work of a common word bounded: with a million claims, "civilians" matches hundreds of
 * thousands, and ranking or counting them all takes seconds. When a kind fills its window, its count
 * is a lower bound, the ranking and the facets cover the matches read, and the answer says so
 * ({@code complete} false); narrowing the search (more words, a filter) makes it complete again.
 * Which matches a full window holds is the planner's choice (the table read in order for a word
 * most records hold, the GIN index for a rarer one), not the best-ranked ones.
 */
@ApplicationScoped
@Transactional
public class SearchService {

    private static final Logger LOG = Logger.getLogger(SearchService.class);

    /** The most matches of one kind a search reads. */
    public static final int WINDOW = 100;
    /**
     * The most articles a search reads: fewer than of the other kinds, because testing whether an
     * article holds the words reads its whole text's vector where the index cannot say (a phrase, or
     * a word so common that the table is read in order).
     */
    public static final int ARTICLE_WINDOW = 50;
    /** Below this many hits, names like the words typed are suggested. */
    static final int FEW = 3;
    private static final int MOST_PARTIES = 20;
    private static final int MOST_SUGGESTIONS = 5;

    /** What ts_headline puts before each word found. */
    private static final String MARK = "<mark>";
    /** ts_headline's options: the snippet is escaped first, so these marks are its only markup. */
    private static final String HEADLINE = "'StartSel=" + MARK + ", StopSel=</mark>, MaxWords=35, MinWords=12, ShortWord=2,"
            + " MaxFragments=2, FragmentDelimiter=\" … \"'";
    /**
     * How much of an article's text its snippet is made from when the window around the first word
     * searched for ({@link #ARTICLE_NEAR}) holds no match. ts_headline parses the whole text it is
     * given (~1.5-2 ms for an article of 5 kB at 1M claims, most of a page of article hits); the words
     * searched for are mostly in an article's first 3,000 characters, and when they are not, the
     * snippet is made again from the whole text.
     */
    static final int ARTICLE_LEAD = 3000;

    /**
     * The query: the tsquery that the search's first statement made of the words
     * (tracker_search_query), sent back as its text and cast once per execution (a scalar subquery is
     * run once, its value a parameter of the plan; the bare cast of a parameter in a generic plan would
     * be run again for every row tested).
     */
    private static final String TSQ = "(select cast(:tsq as tsquery))";

    /** The most matches of a kind a search reads. */
    public static int window(SearchKind kind) {
        return kind == SearchKind.article ? ARTICLE_WINDOW : WINDOW;
    }

    /** Rank: cover density, divided by 1 + the log of the document's length (long texts do not win by length alone). */
    private static String rank(String vector) {
        return "ts_rank_cd(" + vector + ", " + TSQ + ", 1)";
    }

    @Inject
    EntityManager em;

    @Inject
    WordFrequencies frequencies;

    /** The pool that reads the second half of a split search (application.properties: datasource "search"). */
    @Inject
    @io.quarkus.agroal.DataSource("search")
    AgroalDataSource searchPool;

    @Inject
    TrackerConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    /** One thread per connection of the search pool: a half waiting for either is taken back (see {@link Half}). */
    private ExecutorService halves;
    private Counter readApart;
    private Counter takenBack;

    @PostConstruct
    void start() {
        AtomicInteger made = new AtomicInteger();
        halves = Executors.newFixedThreadPool(searchPool.getConfiguration().connectionPoolConfiguration().maxSize(), task -> {
            Thread thread = new Thread(task, "search-half-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        readApart = Counter.builder("tracker.search.halves").tag("read", "apart")
                .description("Second halves of split searches read on a connection of the search pool").register(registry);
        takenBack = Counter.builder("tracker.search.halves").tag("read", "taken-back")
                .description("Second halves of split searches read on the request's own connection, none being free at once")
                .register(registry);
    }

    @PreDestroy
    void stop() {
        halves.shutdownNow();
    }

    /** Second halves read on a connection of the search pool so far (for tests: statements the Hibernate count does not see). */
    long halvesReadApart() {
        return (long) readApart.count();
    }

    public SearchResults search(SearchFilter filter, PageParams page) {
        return search(filter, page, true);
    }

    /**
     * The search; {@code split}: whether a search whose reads look costly (above
     * {@code tracker.search.split-from}) may read its kinds in two halves at once (false: all on the
     * request's connection, in its one statement).
     */
    SearchResults search(SearchFilter filter, PageParams page, boolean split) {
        // How each kind is read is decided here (WordFrequencies: the table in order until the window
        // is full for a word most rows hold, the GIN index for a rarer one), not by the planner, whose
        // guess for several words that occur together is wrong by orders of magnitude. So the statement
        // needs no plan of its own per query: it is planned once per connection and form (a generic
        // plan, kept by the driver's prepared statement), which saves the 3-7 ms that planning it with the
        // words known took at 1M claims (bench/RESULTS.md, search). Without the words, the planner
        // could take a whole-table read for a kind that should use its index: sequential reads are off
        // for this transaction, so the only tables read in order are the kinds written in a form no index
        // serves. Such a read looks to the planner like a read of the whole table, which would start
        // parallel workers and compile the scan (JIT), 10-70 ms each at 1M claims for a read that stops
        // at the window after a few milliseconds: neither for this transaction. (The search pool's
        // sessions start with the same settings.)
        String tsquery = (String) em.createNativeQuery("select tracker_search_query(:q)::text"
                        + " from (select set_config('plan_cache_mode', 'force_generic_plan', true),"
                        + " set_config('enable_seqscan', 'off', true),"
                        + " set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)) setting")
                .setParameter("q", filter.q()).getSingleResult();
        QueryTree tree;
        try {
            tree = QueryTree.parse(tsquery);
        } catch (IllegalArgumentException unreadable) {
            tree = null;
        }
        Set<SearchKind> inOrder = EnumSet.noneOf(SearchKind.class);
        for (SearchKind kind : SearchKind.values()) {
            if (frequencies.readInOrder(kind, tree, window(kind))) {
                inOrder.add(kind);
            }
        }
        List<Set<SearchKind>> halves = split && tree != null ? halves(filter, tree, inOrder) : List.of();
        Sql sql = new Sql();
        if (halves.isEmpty()) {
            hits(sql, filter, tsquery, inOrder, EnumSet.allOf(SearchKind.class));
        } else {
            Sql mine = new Sql();
            hits(mine, filter, tsquery, inOrder, halves.get(0));
            Sql other = new Sql();
            hits(other, filter, tsquery, inOrder, halves.get(1));
            given(sql, readBoth(mine.append(HITS_ONLY), other.append(HITS_ONLY)));
        }
        Map<SearchKind, Long> kinds = new EnumMap<>(SearchKind.class);
        List<SearchFacets.PartyCount> parties = new ArrayList<>();
        Map<Integer, Long> years = new TreeMap<>();
        List<Object[]> suggested = new ArrayList<>();
        List<Object[]> shown = new ArrayList<>();
        for (Object[] row : rows(statement(sql, filter, tsquery, tree, page))) {
            String facet = (String) row[0];
            long count = ((Number) row[3]).longValue();
            switch (facet) {
                case "kind" -> kinds.put(SearchKind.valueOf((String) row[1]), count);
                case "party" -> parties.add(new SearchFacets.PartyCount(Long.parseLong((String) row[1]), (String) row[2], count));
                case "year" -> years.put(Integer.parseInt((String) row[1]), count);
                case "suggestion" -> suggested.add(row);
                default -> shown.add(row);
            }
        }
        // The rows of a union come in no set order: years sort themselves, parties by their counts,
        // and the suggestions and the hits carry their places.
        parties.sort(Comparator.comparingLong(SearchFacets.PartyCount::count).reversed()
                .thenComparing(SearchFacets.PartyCount::name));
        Comparator<Object[]> byPlace = Comparator.comparingLong(row -> ((Number) row[3]).longValue());
        List<String> suggestions = suggested.stream().sorted(byPlace).map(row -> (String) row[1]).toList();
        List<SearchHit> hits = shown.stream().sorted(byPlace).map(SearchService::hit).toList();
        long total = filter.kind() == null ? kinds.values().stream().mapToLong(Long::longValue).sum()
                : kinds.getOrDefault(filter.kind(), 0L);
        // A kind that filled its window may have more matches than were read.
        List<SearchFacets.KindCount> counted = kinds.entrySet().stream()
                .map(e -> new SearchFacets.KindCount(e.getKey(), e.getValue(), e.getValue() < window(e.getKey()))).toList();
        // Complete: every kind asked for (the one given, or all) was read whole.
        boolean complete = counted.stream().allMatch(k -> k.complete() || (filter.kind() != null && k.kind() != filter.kind()));
        SearchFacets counts = new SearchFacets(counted, parties,
                years.entrySet().stream().map(e -> new SearchFacets.YearCount(e.getKey(), e.getValue())).toList());
        return new SearchResults(hits, page.page(), page.size(), total, complete, counts, suggestions);
    }

    // ---------------------------------------------------------------------------------------------
    // The hits: one branch per kind, each with the filters that apply to it.

    /** A statement being built: its text and the parameters it names. */
    static final class Sql {
        final StringBuilder text = new StringBuilder();
        final Map<String, Object> parameters = new LinkedHashMap<>();

        Sql append(String part) {
            text.append(part);
            return this;
        }

        Sql bind(String name, Object value) {
            parameters.put(name, value);
            return this;
        }
    }

    /**
     * The matches of the kinds {@code read} that the filters (all but {@code kind}) allow, at most
     * {@link #window} of each, as rows of (kind, id, rank, day, party_id): the CTE {@code hits}.
     */
    private static void hits(Sql sql, SearchFilter f, String tsquery, Set<SearchKind> inOrder, Set<SearchKind> read) {
        sql.append("with hits (kind, id, rank, day, party_id) as materialized (");
        sql.bind("tsq", tsquery);
        boolean first = true;
        for (SearchKind kind : read) {
            List<String> where = conditions(kind, f, sql);
            if (where == null) {
                continue;
            }
            if (!first) {
                sql.append(" union all ");
            }
            first = false;
            sql.append("(").append(branch(kind, f.outletId() != null, inOrder.contains(kind))).append(where.isEmpty() ? "" : " and " + String.join(" and ", where))
                    .append(" limit " + window(kind) + ")");
        }
        if (first) {
            sql.append("select null::text as kind, null::bigint as id, null::real as rank, null::date as day,"
                    + " null::bigint as party_id where false");
        }
        sql.append(")");
    }

    /**
     * One kind's matches. The rank is computed in the select list, so only for the rows the window
     * keeps; the joins are by primary key, for the rows read, and the article of a quote or a
     * response is joined only for the outlet filter.
     */
    private static String branch(SearchKind kind, boolean outlet, boolean inOrder) {
        String article = " join article a on a.id = ";
        return switch (kind) {
            // An article is matched on its whole text but ranked on its title alone: ranking reads the
            // vector it is given, and the text's (~10 kB at 1M claims) costs ~0.2 ms to read, the title's
            // vector ~0.05 ms to compute (bench/RESULTS.md, search at 1M).
            case article -> "select 'article'::text as kind, a.id, " + rank("tracker_search_vector(a.title, 'A')") + " as rank,"
                    + " a.published_on as day, null::bigint as party_id from article a where " + matches("a", inOrder);
            case claim -> "select 'claim', c.id, " + rank("c.search_vector") + ", c.stated_on, c.claimant_id"
                    + " from claim c where " + matches("c", inOrder);
            case quote -> "select 'quote', s.id, " + rank("s.search_vector") + ", c.stated_on, c.claimant_id"
                    + " from claim_source s join claim c on c.id = s.claim_id" + (outlet ? article + "s.article_id" : "")
                    + " where " + matches("s", inOrder);
            case response -> "select 'response', r.id, " + rank("r.search_vector") + ", r.stated_on, r.party_id"
                    + " from response r join claim c on c.id = r.claim_id" + (outlet ? article + "r.article_id" : "")
                    + " where " + matches("r", inOrder);
            case incident -> "select 'incident', i.id, " + rank("i.search_vector") + ", i.occurred_on, null::bigint"
                    + " from incident i where i.search_vector @@ " + TSQ;
            // A party is found by its name or by any of its aliases; its rank is the better of the two.
            case party -> "select 'party', p.id, m.rank, null::date, p.id from (select found.id, max(found.rank) as rank"
                    + " from (select p.id, " + rank("p.search_vector") + " as rank from party p where p.search_vector @@ " + TSQ
                    + " union all select al.party_id, " + rank("al.search_vector") + " from party_alias al"
                    + " where al.search_vector @@ " + TSQ + ") found group by found.id) m join party p on p.id = m.id where true";
        };
    }

    /**
     * The match of a kind's rows: through the GIN index when the planner chooses it, or, when the
     * kind is to be read in order, in a form no index serves (the column inside coalesce), so that
     * PostgreSQL reads the table until the window is full.
     */
    private static String matches(String alias, boolean inOrder) {
        return (inOrder ? "coalesce(" + alias + ".search_vector, ''::tsvector)" : alias + ".search_vector") + " @@ " + TSQ;
    }

    /**
     * The conditions the filters put on one kind (aliases as in {@link #branch}), or null when a
     * filter given does not apply to it.
     */
    private static List<String> conditions(SearchKind kind, SearchFilter f, Sql sql) {
        List<String> where = new ArrayList<>();
        String day = switch (kind) {
            case article -> "a.published_on";
            case claim, quote -> "c.stated_on";
            case response -> "r.stated_on";
            case incident -> "i.occurred_on";
            case party -> null;
        };
        if (f.from() != null || f.to() != null) {
            if (day == null) {
                return null;
            }
            if (f.from() != null) {
                where.add(day + " >= :from");
                sql.bind("from", f.from());
            }
            if (f.to() != null) {
                where.add(day + " <= :to");
                sql.bind("to", f.to());
            }
        }
        boolean aboutClaims = kind == SearchKind.claim || kind == SearchKind.quote || kind == SearchKind.response;
        if (f.claimKind() != null || f.grading() != null || f.position() != null) {
            if (!aboutClaims) {
                return null;
            }
            if (f.claimKind() != null) {
                where.add("c.kind = :claimKind");
                sql.bind("claimKind", f.claimKind().name());
            }
            if (f.grading() != null) {
                where.add("c.grading = :grading");
                sql.bind("grading", f.grading().name());
            }
            if (f.position() != null) {
                where.add("exists (select 1 from party_position pp where pp.claim_id = c.id and pp.position = :position"
                        + (f.partyId() != null ? " and pp.party_id = :partyId" : "") + ")");
                sql.bind("position", f.position().name());
            }
        }
        if (f.stance() != null) {
            switch (kind) {
                case claim -> where.add("exists (select 1 from response sr where sr.claim_id = c.id and sr.stance = :stance)");
                case response -> where.add("r.stance = :stance");
                default -> {
                    return null;
                }
            }
            sql.bind("stance", f.stance().name());
        }
        if (f.incidentId() != null) {
            where.add(switch (kind) {
                case article -> "exists (select 1 from claim_source si join claim ci on ci.id = si.claim_id"
                        + " where si.article_id = a.id and ci.incident_id = :incidentId)";
                case claim, quote, response -> "c.incident_id = :incidentId";
                case incident -> "i.id = :incidentId";
                case party -> "exists (select 1 from claim ci where ci.incident_id = :incidentId"
                        + " and (ci.claimant_id = p.id or ci.addressed_party_id = p.id))";
            });
            sql.bind("incidentId", f.incidentId());
        }
        if (f.outletId() != null) {
            String condition = switch (kind) {
                case article, quote, response -> "a.outlet_id = :outletId";
                case claim -> "exists (select 1 from claim_source so join article ao on ao.id = so.article_id"
                        + " where so.claim_id = c.id and ao.outlet_id = :outletId)";
                default -> null;
            };
            if (condition == null) {
                return null;
            }
            where.add(condition);
            sql.bind("outletId", f.outletId());
        }
        if (f.partyId() != null) {
            String involved = "(c.claimant_id = :partyId or c.addressed_party_id = :partyId or c.speaker_id = :partyId)";
            where.add(switch (kind) {
                case article -> "(exists (select 1 from claim_source sp join claim cp on cp.id = sp.claim_id"
                        + " where sp.article_id = a.id and (cp.claimant_id = :partyId or cp.addressed_party_id = :partyId"
                        + " or cp.speaker_id = :partyId))"
                        + " or exists (select 1 from response rp where rp.article_id = a.id and rp.party_id = :partyId))";
                case claim -> "(" + involved + " or exists (select 1 from response rp where rp.claim_id = c.id"
                        + " and rp.party_id = :partyId))";
                case quote -> involved;
                case response -> "(r.party_id = :partyId or r.speaker_id = :partyId or " + involved + ")";
                case incident -> "exists (select 1 from claim cp where cp.incident_id = i.id"
                        + " and (cp.claimant_id = :partyId or cp.addressed_party_id = :partyId))";
                case party -> "p.id = :partyId";
            });
            sql.bind("partyId", f.partyId());
        }
        return where;
    }

    // ---------------------------------------------------------------------------------------------
    // A costly search in two halves read at once. At half saturation a core is mostly idle while a
    // search reads its kinds one after another; the dearest searches at 1M claims (a phrase that
    // responses hold rarely, a word excluded that nearly every article holds) spend most of their
    // time in one or two kinds (bench/RESULTS.md, search). Split, the request's connection reads one
    // half and a connection of the search pool the other; the page's statement then gets both
    // halves' matches as JSON.

    /** A statement of {@link #hits}' CTE alone, its rows the matches. */
    private static final String HITS_ONLY = " select kind, id, rank, day, party_id from hits";

    /** A statement's named parameters (not the second colon of a cast, {@code ::text}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z]\\w*)");

    /**
     * The kinds the filters allow, in two halves of about equal estimated cost (the costliest kind
     * first, each to the cheaper half), when their reads together look costly enough
     * ({@code tracker.search.split-from}); else none (one statement reads them all).
     */
    private List<Set<SearchKind>> halves(SearchFilter f, QueryTree tree, Set<SearchKind> inOrder) {
        Map<SearchKind, Double> costs = new EnumMap<>(SearchKind.class);
        for (SearchKind kind : SearchKind.values()) {
            if (conditions(kind, f, new Sql()) != null) {
                costs.put(kind, frequencies.cost(kind, tree, window(kind), inOrder.contains(kind)));
            }
        }
        double total = costs.values().stream().mapToDouble(Double::doubleValue).sum();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("search %s: estimated reads (µs) %s, in order %s", tree, costs, inOrder);
        }
        if (costs.size() < 2 || total * 1_000 < config.search().splitFrom().toNanos()) {
            return List.of();
        }
        Set<SearchKind> first = EnumSet.noneOf(SearchKind.class);
        Set<SearchKind> second = EnumSet.noneOf(SearchKind.class);
        double firstCost = 0;
        double secondCost = 0;
        List<SearchKind> costliest = costs.keySet().stream()
                .sorted(Comparator.comparingDouble((SearchKind kind) -> costs.get(kind)).reversed()).toList();
        for (SearchKind kind : costliest) {
            if (firstCost < secondCost || (firstCost == secondCost && first.size() <= second.size())) {
                first.add(kind);
                firstCost += costs.get(kind);
            } else {
                second.add(kind);
                secondCost += costs.get(kind);
            }
        }
        return List.of(first, second);
    }

    /**
     * Both halves' matches: {@code mine} read on the request's connection while {@code other} is read
     * on a connection of the search pool; when that half has not started by the time {@code mine} is
     * read (no connection or thread free), it is taken back and read here too, so a search never waits
     * for the pool. A half that failed apart is read again here, where its failure is answered as any
     * other.
     */
    private List<Object[]> readBoth(Sql mine, Sql other) {
        Half half = new Half(other);
        try {
            halves.execute(half);
        } catch (RejectedExecutionException shuttingDown) {
            // Read here below.
        }
        try {
            List<Object[]> rows = new ArrayList<>(rows(mine));
            if (half.takeBack()) {
                takenBack.increment();
                rows.addAll(rows(other));
                return rows;
            }
            try {
                rows.addAll(half.rows.get());
            } catch (ExecutionException failed) {
                rows.addAll(rows(other));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while a search's second half was read", interrupted);
            }
            return rows;
        } finally {
            // Not started: never start it.
            half.takeBack();
        }
    }

    /** A second half, read by whichever comes first: a thread of the search pool's, or the request's (taking it back). */
    private final class Half implements Runnable {
        private final Sql sql;
        private final AtomicBoolean taken = new AtomicBoolean();
        final CompletableFuture<List<Object[]>> rows = new CompletableFuture<>();

        Half(Sql sql) {
            this.sql = sql;
        }

        /** Whether the request may read it itself (nothing has started on it apart). */
        boolean takeBack() {
            return taken.compareAndSet(false, true);
        }

        @Override
        public void run() {
            if (taken.get()) {
                return;
            }
            try (Connection connection = searchPool.getConnection()) {
                if (!taken.compareAndSet(false, true)) {
                    return;
                }
                try {
                    rows.complete(read(connection, sql));
                    readApart.increment();
                } catch (SQLException | RuntimeException failed) {
                    rows.completeExceptionally(failed);
                }
            } catch (SQLException | RuntimeException noConnection) {
                // Taken back by the request, or failed while this half was still its own; either way
                // the request reads it (completing here too, in case this half had been claimed).
                rows.completeExceptionally(noConnection);
            }
        }
    }

    /** A hits statement ({@link #HITS_ONLY}) read through JDBC, its rows as the request's would come. */
    private static List<Object[]> read(Connection connection, Sql sql) throws SQLException {
        NamedSql named = NamedSql.of(sql.text.toString(), PARAMETER);
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(named.sql())) {
            for (int i = 0; i < named.names().size(); i++) {
                statement.setObject(i + 1, sql.parameters.get(named.names().get(i)));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Object[] {result.getString(1), result.getLong(2), result.getFloat(3),
                            result.getObject(4, LocalDate.class), result.getObject(5, Long.class)});
                }
            }
        }
        return rows;
    }

    /** The CTE {@code hits} of matches already read, given as JSON. */
    private void given(Sql sql, List<Object[]> rows) {
        ArrayNode array = json.createArrayNode();
        for (Object[] row : rows) {
            ObjectNode hit = array.addObject();
            hit.put("kind", (String) row[0]);
            hit.put("id", Rows.id(row[1]));
            hit.put("rank", ((Number) row[2]).floatValue());
            LocalDate day = Rows.date(row[3]);
            hit.put("day", day == null ? null : day.toString());
            hit.put("party_id", Rows.id(row[4]));
        }
        sql.append("with hits (kind, id, rank, day, party_id) as materialized (select x.kind, x.id, x.rank, x.day, x.party_id"
                        + " from json_to_recordset(cast(:hits as json)) as x(kind text, id bigint, rank real, day date, party_id bigint))")
                .bind("hits", array.toString());
    }

    // ---------------------------------------------------------------------------------------------
    // One statement: the facets, the suggestions (only when little was found) and the page, as rows
    // of (facet, key, name, n, then the hit's columns).

    /** The facets, suggestions and page of {@code sql}'s CTE {@code hits} (written by {@link #hits} or {@link #given}). */
    private static Sql statement(Sql sql, SearchFilter f, String tsquery, QueryTree tree, PageParams page) {
        sql.bind("q", f.q()).bind("tsq", tsquery);
        String chosen = "";
        if (f.kind() != null) {
            chosen = " where h.kind = :kind";
            sql.bind("kind", f.kind().name());
        }
        sql.append(", shown as (select h.*, row_number() over (order by h.rank desc, h.kind, h.id) as place from hits h")
                .append(chosen).append(" order by h.rank desc, h.kind, h.id limit :limit offset :offset)")
                .bind("limit", page.size()).bind("offset", page.offset());
        String noHit = ", null::real, null::date, null::text, null::bigint, null::bigint, null::bigint, null::integer, null::integer,"
                + " null::bigint, null::bigint, null::bigint";
        sql.append(" select 'kind'::text as facet, h.kind as key, null::text as name, count(*) as n" + noHit
                        + " from hits h group by h.kind")
                // Counted first, then each party read by its key: joined before counting, the planner
                // hashed the whole party table (5,000 rows at 1M claims: ~7 ms).
                .append(" union all (select 'party', g.party_id::text, p.name::text, g.n" + noHit
                        + " from (select h.party_id, count(*) as n from hits h").append(chosen)
                .append(" group by h.party_id) g cross join lateral (select p.name from party p where p.id = g.party_id) p"
                        + " order by g.n desc, p.name limit " + MOST_PARTIES + ")")
                .append(" union all (select 'year', extract(year from h.day)::int::text, null, count(*)" + noHit + " from hits h")
                .append(chosen.isEmpty() ? " where" : chosen + " and").append(" h.day is not null group by 2 order by 2)")
                .append(" union all (select 'suggestion', s.suggestion, null, s.place" + noHit + " from (")
                .append(SUGGESTIONS).append(") s where (select count(*) from hits h").append(chosen).append(") < " + FEW + ")")
                .append(" union all ").append(PAGE.formatted(SNIPPET))
                .bind("near", near(tree));
        return sql;
    }

    /**
     * The words an article's snippet is looked for around ({@link #ARTICLE_SNIPPET}): the lexemes a
     * match holds (not those after a minus), of three letters or more, space-separated.
     */
    static String near(QueryTree tree) {
        return tree == null ? "" : String.join(" ", tree.held().stream()
                .filter(word -> word.length() >= 3 && !word.contains(" ")).toList());
    }

    /** A snippet of a text (an SQL expression over the page's rows): escaped, the words found marked. */
    private static String headline(String text) {
        return "ts_headline('public.tracker_english'::regconfig, tracker_html_escape(" + text + "), " + TSQ + ", "
                + HEADLINE + ")";
    }

    /**
     * How much of an article's text is taken around the first place where a word searched for stands
     * literally (its lexeme, as {@code civilian} stands in "civilians"): ts_headline's cost grows with the
     * text it parses, and a window of this size costs about a quarter of the lead's.
     */
    static final int ARTICLE_NEAR = 800;
    /** How far before that place the window starts (then at the next space, so that no word is cut). */
    private static final int NEAR_BEFORE = 200;

    /**
     * The snippet of an article's body: made from a window around the first place where a word searched for
     * stands ({@code :near}, the query's lexemes of three letters or more, space-separated), when that
     * window holds a match; else from its first {@value #ARTICLE_LEAD} characters, or from its whole
     * text when they hold none of the words. Each step runs only when the one before found nothing
     * (a CASE runs the subquery of its branch only when it gets there; {@code offset 0} keeps a
     * snippet's subquery from being folded into the CASE, which would make it twice).
     */
    private static final String ARTICLE_SNIPPET = "(select case when strpos(n.near, '" + MARK + "') > 0 then n.near else"
            + " (select case when strpos(x.lead, '" + MARK + "') > 0 or char_length(a.body) <= " + ARTICLE_LEAD
            + " then x.lead else " + headline("a.body") + " end"
            + " from (select " + headline("left(a.body, " + ARTICLE_LEAD + ")") + " as lead offset 0) x) end"
            + " from (select case when f.at > 0 then " + headline("substr(a.body, case when f.start > 1"
            + " then f.start + strpos(substr(a.body, f.start, " + NEAR_BEFORE + "), ' ') else 1 end, " + ARTICLE_NEAR + ")") + " end as near"
            + " from (select w.at, greatest(1, w.at - " + NEAR_BEFORE + ") as start"
            + " from (select min(nullif(strpos(l.body, word), 0)) as at"
            + " from (select lower(a.body) as body offset 0) l, unnest(string_to_array(:near, ' ')) word) w) f offset 0) n)";

    /** The snippet of a hit of the page: an article's ({@link #ARTICLE_SNIPPET}), or any other kind's from its text. */
    private static final String SNIPPET = "case when h.kind = 'article' then " + ARTICLE_SNIPPET
            + " else " + headline("""
                    case h.kind
                      when 'claim' then c.proposition
                      when 'quote' then s.quote
                      when 'response' then concat_ws(' — ', r.quote, r.note)
                      when 'incident' then concat_ws(' — ', i.title, i.place, i.description)
                      else concat_ws(' — ', p.name, (select string_agg(al.alias, '; ' order by al.alias)
                                                       from party_alias al where al.party_id = p.id), p.description) end""")
            + " end";

    /** The page's hits, with their titles, snippets ({@link #SNIPPET}) and links. */
    private static final String PAGE = """
            select 'hit', h.kind,
                    case h.kind
                      when 'article' then a.title
                      when 'claim' then pc.name || ', ' || to_char(c.stated_on, 'YYYY-MM-DD')
                      when 'quote' then qp.name || ' in “' || qa.title || '”'
                      when 'response' then rp.name || ' ' || replace(r.stance, '_', ' ') || ', ' || to_char(r.stated_on, 'YYYY-MM-DD')
                      when 'incident' then i.title
                      else p.name end,
                    h.place, h.rank, h.day,
                    %s,
                    h.id,
                    coalesce(c.id, s.claim_id, r.claim_id),
                    coalesce(a.id, s.article_id, r.article_id),
                    coalesce(s.quote_start, r.quote_start),
                    coalesce(s.quote_end, r.quote_end),
                    r.id,
                    coalesce(p.id, h.party_id),
                    coalesce(i.id, c.incident_id, qc.incident_id, rc.incident_id)
               from shown h
               left join article a on h.kind = 'article' and a.id = h.id
               left join claim c on h.kind = 'claim' and c.id = h.id
               left join party pc on pc.id = c.claimant_id
               left join claim_source s on h.kind = 'quote' and s.id = h.id
               left join claim qc on qc.id = s.claim_id
               left join party qp on qp.id = qc.claimant_id
               left join article qa on qa.id = s.article_id
               left join response r on h.kind = 'response' and r.id = h.id
               left join claim rc on rc.id = r.claim_id
               left join party rp on rp.id = r.party_id
               left join incident i on h.kind = 'incident' and i.id = h.id
               left join party p on h.kind = 'party' and p.id = h.id
            """;

    /** A row of the page (see {@link #PAGE}) as a hit. */
    private static SearchHit hit(Object[] row) {
        SearchKind kind = SearchKind.valueOf((String) row[1]);
        long id = Rows.id(row[7]);
        Long claim = Rows.id(row[8]);
        Long article = Rows.id(row[9]);
        Long response = Rows.id(row[12]);
        Long party = Rows.id(row[13]);
        Long incident = Rows.id(row[14]);
        String path = switch (kind) {
            case article -> "/api/articles/" + id;
            case claim, quote -> "/api/claims/" + claim;
            case response -> "/api/responses/" + id;
            case incident -> "/api/incidents/" + id;
            case party -> "/api/parties/" + id;
        };
        return new SearchHit(kind, id, (String) row[2], (String) row[6], ((Number) row[4]).doubleValue(),
                Rows.date(row[5]), path, claim, article, integer(row[10]), integer(row[11]), response, party,
                kind == SearchKind.article ? null : incident);
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    // ---------------------------------------------------------------------------------------------
    // Suggestions: party names, aliases and places like a word typed (trigram word similarity on
    // the unaccented, lower-cased texts; V11's *_suggest_idx indexes).

    private static final String SUGGESTIONS = """
            with words as (
              select distinct w from regexp_split_to_table(lower(tracker_unaccent(:q)), '\\W+') w
               where char_length(w) >= 4),
            candidates as (
              select p.name::text as suggestion, word_similarity(w, lower(tracker_unaccent(p.name))) as sim
                from words, party p where w <% lower(tracker_unaccent(p.name))
              union all
              select al.alias::text, word_similarity(w, lower(tracker_unaccent(al.alias)))
                from words, party_alias al where w <% lower(tracker_unaccent(al.alias))
              union all
              select i.place::text, word_similarity(w, lower(tracker_unaccent(i.place)))
                from words, incident i where i.place is not null and w <% lower(tracker_unaccent(i.place)))
            select suggestion, row_number() over (order by max(sim) desc, suggestion) as place
              from candidates where sim < 1
             group by suggestion order by max(sim) desc, suggestion limit
            """ + MOST_SUGGESTIONS;

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(Sql sql) {
        Query query = em.createNativeQuery(sql.text.toString());
        sql.parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
