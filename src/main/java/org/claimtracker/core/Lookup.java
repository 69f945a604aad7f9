package org.claimtracker.core;

import jakarta.persistence.EntityManager;

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

    public static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
