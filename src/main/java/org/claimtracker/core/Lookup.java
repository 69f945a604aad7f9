package org.claimtracker.core;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds records by id, answering 404 for an id in the URL and 422 for an id in a request body. */
public final class Lookup {

    private Lookup() {
    }

    public static <T> T require(EntityManager em, Class<T> type, long id, String what) {
        T entity = em.find(type, id);
        if (entity == null) {
            throw ApiProblem.notFound(what, id);
        }
        return entity;
    }

    public static <T> T reference(EntityManager em, Class<T> type, Long id, String field, String what) {
        if (id == null) {
            return null;
        }
        T entity = em.find(type, id);
        if (entity == null) {
            throw ApiProblem.unknownReference(field, what, id);
        }
        return entity;
    }

    /** The record of this type whose {@code attribute} equals {@code value}, or null. */
    public static <T> T findBy(EntityManager em, Class<T> type, String attribute, Object value) {
        return em.createQuery("select e from " + type.getSimpleName() + " e where e." + attribute + " = :value", type)
                .setParameter("value", value)
                .getResultStream().findFirst().orElse(null);
    }

    /**
     * Counts per id, from a query that selects an id and a count for the ids in {@code :ids}
     * (grouped by the id); ids it does not return count 0 with {@code getOrDefault(id, 0L)}.
     */
    public static Map<Long, Long> countsBy(EntityManager em, String query, List<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery(query, Object[].class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        return counts;
    }

    public static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
