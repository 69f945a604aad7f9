package org.claimtracker.core;

import jakarta.persistence.Query;
import java.util.List;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reading columns of native query rows, whose Java types depend on the driver's mapping. */
public final class Rows {

    private Rows() {
    }

    /** The rows a native query answers, each the array of its columns. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> of(Query query) {
        return query.getResultList();
    }

    /** The first row a native query answers, or null when it answers none. */
    public static Object[] first(Query query) {
        return of(query).stream().findFirst().orElse(null);
    }

    public static Long id(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    public static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((java.sql.Date) value).toLocalDate();
    }

    /** A timestamptz column, as the driver and Hibernate hand it over, at UTC. */
    public static OffsetDateTime timestamp(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    public static Ref ref(Object id, Object name) {
        return id == null ? null : new Ref(id(id), (String) name);
    }
}
