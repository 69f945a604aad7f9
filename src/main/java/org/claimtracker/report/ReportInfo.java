package org.claimtracker.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A report as GET /api/reports lists it.
 *
 * @param name the name in GET /api/reports/{name}
 * @param view the view report writers query in SQL
 * @param description what one row stands for
 * @param partyFilter what partyId matches; absent when the report cannot be filtered by party
 * @param dateColumn the column that from and to bound; absent when the report has no date
 * @param asOf true when the report answers as of a date (asOf)
 * @param columns its columns in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportInfo(String name, String view, String description, String partyFilter, String dateColumn,
        boolean asOf, List<ReportColumn> columns) {
}
