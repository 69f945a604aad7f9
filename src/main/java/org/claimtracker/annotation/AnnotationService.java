package org.claimtracker.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.jetbrains.annotations.Nullable;

/**
 * Reads every recorded quote (claims' sources and responses) as annotations, in native SQL: a
 * page is two statements (the count and the rows), whatever its size, and an article's text never
 * leaves the database; only the 32 characters either side of each quote do.
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

    private static final Pattern NAME = Pattern.compile("(claim-source|response)-([0-9]{1,18})");

    @Inject
    EntityManager em;

    public Page<QuoteRow> list(Filter filter, PageParams page) {
        Query count = bind(em.createNativeQuery("select (select count(*) from claim_source s join claim c on c.id = s.claim_id"
                + sourceWhere(filter) + ") + (select count(*) from response r" + responseWhere(filter) + ")"), filter);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total <= page.offset()) {
            return new Page<>(List.of(), page.page(), page.size(), total);
        }
        Query rows = bind(em.createNativeQuery(select(filter) + " order by q.article_id, q.quote_start, q.quote_end, q.kind, q.id"
                + " limit :limit offset :offset"), filter).setParameter("limit", page.size()).setParameter("offset", page.offset());
        return new Page<>(rows(rows), page.page(), page.size(), total);
    }

    /** One quote by its annotation name (claim-source-12, response-7); null when there is none. */
    public @Nullable QuoteRow find(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return null;
        }
        long id = Long.parseLong(m.group(2));
        boolean source = m.group(1).equals("claim-source");
        String sql = "select " + COLUMNS + " from (" + (source ? SOURCES + " where s.id = :id" : RESPONSES + " where r.id = :id")
                + ") q" + JOINS;
        List<QuoteRow> found = rows(em.createNativeQuery(sql).setParameter("id", id));
        return found.isEmpty() ? null : found.get(0);
    }

    private static final String SOURCES = "select 'claim-source' as kind, s.id, s.article_id, s.quote, s.quote_start, s.quote_end,"
            + " s.created_at, s.created_by, s.claim_id, null::bigint as response_id, 'asserts' as stance,"
            + " c.claimant_id as party_id from claim_source s join claim c on c.id = s.claim_id";
    // Named as in SOURCES: a single response is read without the union that would lend it those names.
    private static final String RESPONSES = "select 'response' as kind, r.id, r.article_id, r.quote, r.quote_start,"
            + " r.quote_end, r.created_at, r.created_by, r.claim_id, r.id as response_id, r.stance, r.party_id from response r";
    private static final int AROUND = AnnotationVocabulary.CONTEXT_CHARACTERS;
    private static final String COLUMNS = "q.kind, q.id, q.article_id, a.url, q.quote, q.quote_start, q.quote_end,"
            + " substr(a.body, greatest(q.quote_start - " + AROUND + ", 0) + 1, q.quote_start - greatest(q.quote_start - "
            + AROUND + ", 0)), substr(a.body, q.quote_end + 1, " + AROUND + "),"
            + " to_char(q.created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), q.created_by, q.claim_id,"
            + " c.proposition, c.kind, q.response_id, q.stance, p.name";
    private static final String JOINS = " join article a on a.id = q.article_id join claim c on c.id = q.claim_id"
            + " left join party p on p.id = q.party_id";

    private static String select(Filter filter) {
        return "select " + COLUMNS + " from (" + SOURCES + sourceWhere(filter) + " union all " + RESPONSES
                + responseWhere(filter) + ") q" + JOINS;
    }

    private static String sourceWhere(Filter filter) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.articleId() != null) {
            where.append(" and s.article_id = :article");
        }
        if (filter.claimId() != null) {
            where.append(" and s.claim_id = :claim");
        }
        if (filter.partyId() != null) {
            where.append(" and (c.claimant_id = :party or c.speaker_id = :party)");
        }
        return where.toString();
    }

    private static String responseWhere(Filter filter) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.articleId() != null) {
            where.append(" and r.article_id = :article");
        }
        if (filter.claimId() != null) {
            where.append(" and r.claim_id = :claim");
        }
        if (filter.partyId() != null) {
            where.append(" and (r.party_id = :party or r.speaker_id = :party)");
        }
        return where.toString();
    }

    private static Query bind(Query query, Filter filter) {
        if (filter.articleId() != null) {
            query.setParameter("article", filter.articleId());
        }
        if (filter.claimId() != null) {
            query.setParameter("claim", filter.claimId());
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
