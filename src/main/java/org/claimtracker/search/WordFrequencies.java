package org.claimtracker.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How common each word is in each searched table, from PostgreSQL's own statistics (pg_stats'
 * most common elements of the search_vector columns, which ANALYZE keeps), read at most every
 * {@link #FRESH_NANOS} and kept in memory; and, from them, how the search should read a kind.
 *
 * <p>Why the search decides and not the planner: for a query of several words the planner multiplies
 * the words' shares as if they occurred independently. The words of a place name do not: "Deir ez
 * Zor" matched 72,729 of a million claims where the planner expected 8,023, so it built a bitmap of
 * the GIN index (~300 ms: three long posting lists) instead of reading the table in order until the
 * window was full (~13 ms). Here a query's share is bounded from above (the rarer word of an AND),
 * and a table is read in order only when that is cheaper by a wide margin than the index by the same
 * bound, so that a wrong guess (two common words that seldom meet) costs at most a few times the
 * index read.
 */
@ApplicationScoped
public class WordFrequencies {

    /** Statistics older than this (ten minutes) are read again. */
    static final long FRESH_NANOS = 600_000_000_000L;

    /**
     * Cost of reading one entry of a GIN posting list into the bitmap, in microseconds, and of
     * testing one row of each kind read in order (an article's long vector is read from TOAST); from
     * EXPLAIN ANALYZE at 1M claims (bench/RESULTS.md, search). Only their ratios matter.
     */
    private static final double POSTING = 1.4;

    /** How much cheaper reading in order must look before it is chosen (the share is an upper bound). */
    private static final double MARGIN = 4;

    /** One table's statistics: its rows, its common words' shares, and the share below which the rest lie. */
    record Table(double rows, Map<String, Double> common, double rarest) {

        double share(String word) {
            Double share = common.get(word);
            return share != null ? share : rarest / 2;
        }
    }

    @Inject
    EntityManager em;

    private volatile Map<String, Table> tables;
    private volatile long readAt;

    /** The table a kind's matches are read from, and the cost of testing one of its rows read in order. */
    private static String table(SearchKind kind) {
        return switch (kind) {
            case article -> "article";
            case claim -> "claim";
            case quote -> "claim_source";
            case response -> "response";
            default -> null;
        };
    }

    private static double rowCost(SearchKind kind) {
        return switch (kind) {
            case article -> 150;
            case claim -> 5;
            default -> 6;
        };
    }

    /**
     * Whether the kind's matches should be read by reading its table in order until the window is
     * full, rather than through the GIN index; false (the index) when there are no statistics (a
     * table never analysed) or the kind is small (incidents, parties).
     */
    boolean readInOrder(SearchKind kind, QueryTree query, int window) {
        return readInOrder(kind, query, window, statistics(kind, query));
    }

    /** The statistics of the kind's table, or null for a kind read from no large table or no query. */
    private Table statistics(SearchKind kind, QueryTree query) {
        String name = table(kind);
        return name == null || query == null ? null : tables().get(name);
    }

    /** Whether these statistics can say anything: a table analysed, of 10,000 rows or more. */
    private static boolean telling(Table table) {
        return table != null && table.rows() >= 10_000;
    }

    /** {@link #readInOrder(SearchKind, QueryTree, int)} with the kind's table's statistics given. */
    static boolean readInOrder(SearchKind kind, QueryTree query, int window, Table table) {
        if (!telling(table)) {
            return false;
        }
        double share = query.share(table::share);
        if (share <= 0) {
            return false;
        }
        return inOrderCost(kind, share, window, table) * MARGIN < indexCost(query, share, table);
    }

    private static double inOrderCost(SearchKind kind, double share, int window, Table table) {
        return Math.min(window / share, table.rows()) * rowCost(kind);
    }

    private static double indexCost(QueryTree query, double share, Table table) {
        return query.words().size() * share * table.rows() * POSTING;
    }

    /**
     * A guess, in microseconds, of how long reading the kind's matches takes the way the search
     * reads it, for dealing a costly search's kinds into two halves of about equal cost
     * ({@code SearchService}); 0 when the statistics cannot say (the kind is small, or its table was
     * never analysed). Unlike the choice of the read, it takes the words as independent (a phrase or
     * two words that seldom meet make a read in order test many rows: "air strike" Aleppo tested
     * ~40,000 responses for 100 matches) and counts the posting lists the index reads
     * ({@link QueryTree#postings}: an excluded word's whole, "strike -coalition" reads the ~200,000
     * articles' entries of "coalition"). Per row
     * and per entry, from EXPLAIN ANALYZE at 1M claims (bench/RESULTS.md, search).
     */
    double cost(SearchKind kind, QueryTree query, int window, boolean inOrder) {
        return cost(kind, query, window, inOrder, statistics(kind, query));
    }

    /** {@link #cost(SearchKind, QueryTree, int, boolean)} with the kind's table's statistics given. */
    static double cost(SearchKind kind, QueryTree query, int window, boolean inOrder, Table table) {
        if (!telling(table)) {
            return 0;
        }
        double share = Math.max(query.independentShare(table::share), 1 / table.rows());
        double found = Math.min(window, share * table.rows());
        double tested = kind == SearchKind.article ? 50 : 0.5;
        if (inOrder) {
            return Math.min(window / share, table.rows()) * tested + found * RANKED;
        }
        double entries = query.postings(word -> Math.min(1, table.share(word))) * table.rows();
        return entries * ENTRY + found * (tested + RANKED);
    }

    /** Reading one entry of a posting list, and ranking a match, in microseconds (see {@link #cost}). */
    private static final double ENTRY = 0.05;
    private static final double RANKED = 10;

    private Map<String, Table> tables() {
        Map<String, Table> known = tables;
        if (known == null || System.nanoTime() - readAt > FRESH_NANOS) {
            known = read();
            tables = known;
            readAt = System.nanoTime();
        }
        return known;
    }

    /**
     * pg_stats' most common elements of every search_vector column, with the share of the rarest
     * (below which every other word lies). Taken as the smallest share listed, not from the entry
     * after the list that holds it: indexing that entry meant casting the element list to text for
     * every row, 422 ms at 1M claims against 6.5 ms so (bench/RESULTS.md, search in two halves).
     */
    private Map<String, Table> read() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select s.tablename::text, c.reltuples::float8, e.word, e.share::float8,
                       min(e.share) over (partition by s.tablename)::float8
                  from pg_stats s
                  join pg_namespace n on n.nspname = s.schemaname
                  join pg_class c on c.relnamespace = n.oid and c.relname = s.tablename
                 cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(word, share)
                 where s.schemaname = current_schema() and s.attname = 'search_vector'
                   and s.most_common_elems is not null and e.word is not null
                """).getResultList();
        Map<String, Map<String, Double>> common = new HashMap<>();
        Map<String, double[]> sizes = new HashMap<>();
        for (Object[] row : rows) {
            String name = (String) row[0];
            common.computeIfAbsent(name, n -> new HashMap<>()).put((String) row[2], ((Number) row[3]).doubleValue());
            sizes.put(name, new double[] {((Number) row[1]).doubleValue(), row[4] == null ? 0 : ((Number) row[4]).doubleValue()});
        }
        Map<String, Table> result = new HashMap<>();
        common.forEach((name, words) -> result.put(name, new Table(sizes.get(name)[0], Map.copyOf(words), sizes.get(name)[1])));
        return Map.copyOf(result);
    }
}
