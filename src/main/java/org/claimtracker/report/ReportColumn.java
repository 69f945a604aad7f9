package org.claimtracker.report;
import org.jetbrains.annotations.Nullable;

/** One column of a report: its name, its SQL type and what it means (the column's comment in the database). */
public record ReportColumn(String name, String type, @Nullable String description) {
}
