package org.claimtracker.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimtracker.core.ApiProblem;
import org.jetbrains.annotations.Nullable;

/**
 * Reads every recorded quote (claims' sources and responses) as annotations, in native SQL, in
 * one order: article, start, end, kind ({@code claim-source} before {@code response}), id. A page
 * is one statement that reads, in each of the two tables, the quotes in that order from the index
 * {@code (article_id, quote_start, quote_end, id)} (V21) and stops at the page: a page after (or
 * before) a {@link Cursor} reads about a page of rows whatever its depth; a page by number reads
 * the rows before it in the index, and only the page's rows in the tables. The count of a
 * collection is a statement of its own. An article's text never leaves the database; only the 32
 * characters either side of each quote do.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class AnnotationService {

    /** Who a quote's words belong to: for a claim's source the claimant (or its speaker), for a response the respondent (or its speaker). */
    public record Filter(@Nullable Long articleId, @Nullable Long claimId, @Nullable Long partyId) {

        public static Filter none() {
            return new Filter(null, null, null);
        }
    }

    /**
     * A quote's place in the annotations' order, written {@code article.start.end.name} (such as
     * {@code 12.40.61.claim-source-7}): what the pages' {@code after} and {@code before} take.
     */
    public record Cursor(long articleId, int start, int end, String kind, long id) {

        private static final Pattern FORM = Pattern.compile(
                "([0-9]{1,18})\\.([0-9]{1,9})\\.([0-9]{1,9})\\.(claim-source|response)-([0-9]{1,18})");

        static Cursor of(QuoteRow row) {
            return new Cursor(row.articleId(), row.start(), row.end(), row.kind(), row.id());
        }

        /** The cursor a query parameter names; null when it is absent; a 400 naming the parameter when it is no cursor. */
        public static @Nullable Cursor parse(String field, @Nullable String text) {
            if (text == null) {
                return null;
            }
            Matcher m = FORM.matcher(text);
            if (!m.matches()) {
                throw ApiProblem.badRequest(field, "Not a place in the annotations' order: expected"
                        + " {articleId}.{start}.{end}.{annotation name}, such as 12.40.61.claim-source-7, as the pages'"
                        + " next and prev links carry it");
            }
            return new Cursor(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4), Long.parseLong(m.group(5)));
        }

        public String text() {
            return articleId + "." + start + "." + end + "." + kind + "-" + id;
        }
    }

    /**
     * Which rows a page holds: {@code size} rows from {@code offset} (a page by number), or after
     * {@code after}, or before {@code before} (at most one cursor, and then no offset).
     */
    public record Slice(int offset, int size, @Nullable Cursor after, @Nullable Cursor before) {

        public static Slice first(int size) {
            return new Slice(0, size, null, null);
        }
    }

    /**
     * A page's rows in the annotations' order, and whether more rows stand beyond them in the
     * direction read: after the last one (read forwards), before the first one (read backwards).
     */
    public record Rows(List<QuoteRow> items, boolean more) {
    }

    private static final Pattern NAME = Pattern.compile("(claim-source|response)-([0-9]{1,18})");

    @Inject
    EntityManager em;

    /** How many quotes match the filter (the collection's total). */
    public long count(Filter filter) {
        Query count = bind(em.createNativeQuery("select (select count(*) from claim_source s"
                + (filter.partyId() != null ? " join claim c on c.id = s.claim_id" : "") + where(SOURCE, filter)
                + ") + (select count(*) from response r" + where(RESPONSE, filter) + ")"), filter);
        return ((Number) count.getSingleResult()).longValue();
    }

    /** One page of quotes, in one statement. */
    public Rows list(Filter filter, Slice slice) {
        boolean backwards = slice.before() != null;
        Cursor cursor = backwards ? slice.before() : slice.after();
        // One row more than the page tells whether there is more; each table gives at most what the page could take from it.
        int take = slice.size() + 1;
        long reach = (long) slice.offset() + take;
        // The limits are written into the statement (numbers the tracker computed), not bound: a plan made for an
        // unknown limit would not know that the page is small and could read a whole table to sort it.
        String keys = "select * from ((" + branch(SOURCE, filter, cursor, backwards, reach) + ") union all ("
                + branch(RESPONSE, filter, cursor, backwards, reach) + ")) k order by " + order("k.", true, backwards)
                + " limit " + take + " offset " + slice.offset();
        Query query = bind(em.createNativeQuery(details(keys)), filter);
        if (cursor != null) {
            query.setParameter("cursorArticle", cursor.articleId()).setParameter("cursorStart", cursor.start())
                    .setParameter("cursorEnd", cursor.end());
            query.setParameter("sourceId", bound(SOURCE, cursor));
            query.setParameter("responseId", bound(RESPONSE, cursor));
        }
        List<QuoteRow> rows = new ArrayList<>(rows(query));
        boolean more = rows.size() > slice.size();
        if (backwards) {
            // Read from the cursor backwards; the row too many is the earliest.
            if (more) {
                rows.remove(0);
            }
        } else if (more) {
            rows.remove(rows.size() - 1);
        }
        return new Rows(Collections.unmodifiableList(rows), more);
    }

    /** One quote by its annotation name (claim-source-12, response-7); null when there is none. */
    public @Nullable QuoteRow find(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return null;
        }
        Table table = m.group(1).equals(SOURCE.kind) ? SOURCE : RESPONSE;
        String keys = "select '" + table.kind + "' as kind, " + table.alias + ".id, " + table.keyColumns() + " from "
                + table.name + " " + table.alias + " where " + table.alias + ".id = :id";
        List<QuoteRow> found = rows(em.createNativeQuery(details(keys)).setParameter("id", Long.parseLong(m.group(2))));
        return found.isEmpty() ? null : found.get(0);
    }

    /** One of the two tables that hold quotes, with what a party filter looks at in it. */
    private record Table(String kind, String name, String alias, String partyCondition, boolean needsClaim) {

        String keyColumns() {
            return alias + ".article_id, " + alias + ".quote_start, " + alias + ".quote_end";
        }
    }

    private static final Table SOURCE = new Table("claim-source", "claim_source", "s",
            "(c.claimant_id = :party or c.speaker_id = :party)", true);
    private static final Table RESPONSE = new Table("response", "response", "r",
            "(r.party_id = :party or r.speaker_id = :party)", false);

    /**
     * The keys of one table's quotes in the annotations' order (or its reverse), past the cursor,
     * at most {@code reach} of them: an index scan of (article_id, quote_start, quote_end, id)
     * that stops there, reading the index only.
     */
    private static String branch(Table table, Filter filter, @Nullable Cursor cursor, boolean backwards, long reach) {
        String a = table.alias;
        StringBuilder sql = new StringBuilder("select '" + table.kind + "'::text as kind, " + a + ".id, "
                + table.keyColumns() + " from " + table.name + " " + a);
        if (table.needsClaim && filter.partyId() != null) {
            sql.append(" join claim c on c.id = s.claim_id");
        }
        sql.append(where(table, filter));
        if (cursor != null) {
            // The row comparison is the index's own order, so it bounds the index scan.
            sql.append(" and (" + a + ".article_id, " + a + ".quote_start, " + a + ".quote_end, " + a + ".id) "
                    + (backwards ? "<" : ">") + " (:cursorArticle, :cursorStart, :cursorEnd, :" + (table == SOURCE ? "sourceId" : "responseId")
                    + ")");
        }
        String dir = backwards ? " desc" : "";
        sql.append(" order by " + a + ".article_id" + dir + ", " + a + ".quote_start" + dir + ", " + a + ".quote_end" + dir
                + ", " + a + ".id" + dir + " limit " + reach);
        return sql.toString();
    }

    /**
     * The id a table's rows are compared with at the cursor's (article, start, end): the cursor's
     * own id in its own table; in the other table every row at that place comes after the cursor
     * when that table's kind sorts after the cursor's, else before it, in either direction.
     */
    private static long bound(Table table, Cursor cursor) {
        int kinds = table.kind.compareTo(cursor.kind());
        if (kinds == 0) {
            return cursor.id();
        }
        // A kind that sorts after the cursor's: all its rows at the place are after it ("id > bound" always holds,
        // "id < bound" never); one that sorts before: none of them are.
        return kinds > 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    private static String order(String prefix, boolean withKind, boolean backwards) {
        String dir = backwards ? " desc" : "";
        return prefix + "article_id" + dir + ", " + prefix + "quote_start" + dir + ", " + prefix + "quote_end" + dir
                + (withKind ? ", " + prefix + "kind" + dir : "") + ", " + prefix + "id" + dir;
    }

    private static final int AROUND = AnnotationVocabulary.CONTEXT_CHARACTERS;

    /** The annotations' columns for the quotes whose keys {@code keys} selects: only those rows are read in the tables. */
    private static String details(String keys) {
        return "select k.kind, k.id, k.article_id, a.url, coalesce(s.quote, r.quote), k.quote_start, k.quote_end,"
                + " substr(a.body, greatest(k.quote_start - " + AROUND + ", 0) + 1, k.quote_start - greatest(k.quote_start - "
                + AROUND + ", 0)), substr(a.body, k.quote_end + 1, " + AROUND + "),"
                + " to_char(coalesce(s.created_at, r.created_at) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24\":\"MI\":\"SS.US\"Z\"'),"
                + " coalesce(s.created_by, r.created_by), c.id, c.proposition, c.kind, r.id, coalesce(r.stance, 'asserts'),"
                + " p.name from (" + keys + ") k"
                + " left join claim_source s on k.kind = 'claim-source' and s.id = k.id"
                + " left join response r on k.kind = 'response' and r.id = k.id"
                + " join article a on a.id = k.article_id join claim c on c.id = coalesce(s.claim_id, r.claim_id)"
                + " left join party p on p.id = coalesce(r.party_id, c.claimant_id)"
                + " order by " + order("k.", true, false);
    }

    private static String where(Table table, Filter filter) {
        String a = table.alias;
        StringBuilder where = new StringBuilder(" where true");
        if (filter.articleId() != null) {
            where.append(" and " + a + ".article_id = :articleId");
        }
        if (filter.claimId() != null) {
            where.append(" and " + a + ".claim_id = :claimId");
        }
        if (filter.partyId() != null) {
            where.append(" and " + table.partyCondition);
        }
        return where.toString();
    }

    private static Query bind(Query query, Filter filter) {
        if (filter.articleId() != null) {
            query.setParameter("articleId", filter.articleId());
        }
        if (filter.claimId() != null) {
            query.setParameter("claimId", filter.claimId());
        }
        if (filter.partyId() != null) {
            query.setParameter("party", filter.partyId());
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private static List<QuoteRow> rows(Query query) {
        return ((List<Object[]>) query.getResultList()).stream().map(r -> new QuoteRow((String) r[0], number(r[1]),
                number(r[2]), (String) r[3], (String) r[4], (int) number(r[5]), (int) number(r[6]), (String) r[7],
                (String) r[8], (String) r[9], (String) r[10], number(r[11]), (String) r[12], (String) r[13],
                r[14] == null ? null : number(r[14]), (String) r[15], (String) r[16])).toList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
