package org.claimtracker.core;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHERE clause of a list query, built from the filters a request gave. The same clause serves
 * the count and the page, so both always agree.
 */
public final class Filter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private int named;

    /** Adds {@code condition} when {@code value} is given; the condition names it as {@code :name}. */
    public Filter and(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** Adds {@code path = value} when {@code value} is given. */
    public Filter equal(String path, Object value) {
        String name = newName();
        return and(path + " = :" + name, name, value);
    }

    /**
     * Adds {@code path >= from} and {@code path <= to}, each when its bound is given (an open range
     * on the side without one).
     */
    public Filter between(String path, Object from, Object to) {
        String fromName = newName();
        String toName = newName();
        return and(path + " >= :" + fromName, fromName, from).and(path + " <= :" + toName, toName, to);
    }

    /** Adds a case-insensitive substring match; the condition compares against {@code :name}. */
    public Filter andContains(String condition, String name, String text) {
        if (text != null) {
            conditions.add(condition);
            parameters.put(name, containsPattern(text));
        }
        return this;
    }

    /** A parameter name of its own, for the conditions whose caller names none. */
    private String newName() {
        named++;
        return "filter" + named;
    }

    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    public long count(EntityManager em, String from) {
        return bind(em.createQuery("select count(*) " + from + where(), Long.class)).getSingleResult();
    }

    /**
     * One page of the records {@code selectFrom} selects, with the total that {@code from} counts
     * (the count first, then the page; both with this clause).
     */
    public <T> Page<T> paged(EntityManager em, String from, String selectFrom, String orderBy, Class<T> type,
            PageParams page) {
        long total = count(em, from);
        return new Page<>(page(em, selectFrom, orderBy, type, page), page.page(), page.size(), total);
    }

    public <T> List<T> page(EntityManager em, String selectFrom, String orderBy, Class<T> type, PageParams page) {
        return bind(em.createQuery(selectFrom + where() + " order by " + orderBy, type))
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
    }

    /** A LIKE pattern matching {@code text} anywhere, lower-cased; the escape character is '!'. */
    public static String containsPattern(String text) {
        String escaped = text.toLowerCase()
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + escaped + "%";
    }
}
