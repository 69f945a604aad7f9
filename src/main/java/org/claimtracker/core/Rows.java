package org.claimtracker.core;

import java.time.LocalDate;

/** Reading columns of native query rows, whose Java types depend on the driver's mapping. */
public final class Rows {

    private Rows() {
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

    public static Ref ref(Object id, Object name) {
        return id == null ? null : new Ref(id(id), (String) name);
    }
}
