package org.claimtracker.report;

import java.util.List;
import org.jetbrains.annotations.Nullable;

/**
 * A report as GET /api/reports lists it.
 *
 * @param name the name in GET /api/reports/{name}
 * @param view the view report writers query in SQL
 * @param description what one row stands for
 * @param partyFilter what partyId matches; null when the report cannot be filtered by party
 * @param dateColumn the column that from and to bound; null when the report has no date
 * @param asOf true when the report answers as of a date (asOf)
 * @param columns its columns in order
 */
public record ReportInfo(String name, String view, @Nullable String description, @Nullable String partyFilter, @Nullable String dateColumn,
        boolean asOf, List<ReportColumn> columns) {
}
