package org.claimtracker.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Rows;

/** Reads the audit trail that the database writes (V4__create_audit_log.sql). */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class AuditService {

    /** The tables whose records have a history, as they are named in the trail. */
    public static final Set<String> RECORDS = Set.of("outlet", "article", "party", "incident", "claim", "response",
            "account");

    private static final Set<String> BOOKKEEPING = Set.of("version", "updated_at", "updated_by");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * The history of a record and its parts, oldest first. A deleted record keeps its history; a
     * record that never existed is a 404.
     */
    public Page<HistoryEntry> historyOf(String table, long id, PageParams page) {
        Query count = em.createNativeQuery("select count(*) from audit_log where owner_table = :table and owner_id = :id")
                .setParameter("table", table).setParameter("id", id);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total == 0) {
            throw ApiProblem.notFound(table.replace('_', ' '), id);
        }
        Query rows = em.createNativeQuery(SELECT + " where owner_table = :table and owner_id = :id order by id"
                        + " limit :limit offset :offset")
                .setParameter("table", table).setParameter("id", id)
                .setParameter("limit", page.size()).setParameter("offset", page.offset());
        return new Page<>(entries(rows), page.page(), page.size(), total);
    }

    /** Recent changes across the tracker, newest first; account changes only when asked for. */
    public Page<HistoryEntry> recent(String actor, String table, boolean withAccounts, PageParams page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (actor != null) {
            where.append(" and actor = :actor");
        }
        if (table != null) {
            where.append(" and owner_table = :table");
        }
        if (!withAccounts) {
            where.append(" and owner_table <> 'account'");
        }
        Query count = bind(em.createNativeQuery("select count(*) from audit_log" + where), actor, table);
        long total = ((Number) count.getSingleResult()).longValue();
        Query rows = bind(em.createNativeQuery(SELECT + where + " order by id desc limit :limit offset :offset"), actor, table)
                .setParameter("limit", page.size()).setParameter("offset", page.offset());
        return new Page<>(entries(rows), page.page(), page.size(), total);
    }

    private static final String SELECT = "select id, occurred_at, actor, action, table_name, record_id,"
            + " before::text, after::text from audit_log";

    private static Query bind(Query query, String actor, String table) {
        if (actor != null) {
            query.setParameter("actor", actor);
        }
        if (table != null) {
            query.setParameter("table", table);
        }
        return query;
    }

    private List<HistoryEntry> entries(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<HistoryEntry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            JsonNode before = parse((String) row[6]);
            JsonNode after = parse((String) row[7]);
            entries.add(new HistoryEntry(Rows.id(row[0]), Rows.timestamp(row[1]), (String) row[2], (String) row[3],
                    (String) row[4], Rows.id(row[5]), before, after, changed(before, after)));
        }
        return entries;
    }

    /** The fields whose value differs, leaving out the version and change stamps every update touches. */
    private static List<String> changed(JsonNode before, JsonNode after) {
        Set<String> fields = new TreeSet<>();
        if (before != null) {
            before.fieldNames().forEachRemaining(fields::add);
        }
        if (after != null) {
            after.fieldNames().forEachRemaining(fields::add);
        }
        List<String> changed = new ArrayList<>();
        for (Iterator<String> it = fields.iterator(); it.hasNext();) {
            String field = it.next();
            JsonNode was = before == null ? null : before.get(field);
            JsonNode is = after == null ? null : after.get(field);
            boolean differs = was == null ? is != null && !is.isNull() : !was.equals(is);
            if (differs && !BOOKKEEPING.contains(field)) {
                changed.add(field);
            }
        }
        return changed;
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the audit trail holds a value that is not JSON", e);
        }
    }
}
