package org.claimtracker.core;

import java.time.LocalDate;

/** Dates of reporting: nothing before 1900, nothing after tomorrow (time zones differ by a day at most). */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** Stands for "no date limit" in as-of queries: later than any date a record can carry. */
    private static final LocalDate NO_LIMIT = LocalDate.of(9999, 12, 31);

    private Dates() {
    }

    public static LocalDate orNoLimit(LocalDate asOf) {
        return asOf == null ? NO_LIMIT : asOf;
    }

    public static LocalDate latest() {
        return LocalDate.now().plusDays(1);
    }

    public static void checkPlausible(String field, LocalDate date) {
        if (date == null) {
            return;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(latest())) {
            throw ApiProblem.invalid(field, field + " must lie between " + EARLIEST + " and today");
        }
    }
}
