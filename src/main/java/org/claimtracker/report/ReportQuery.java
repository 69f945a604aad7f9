package org.claimtracker.report;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Params;

/**
 * One export request: a report with its filters, checked against what the report supports. The
 * SQL is built from the catalog's fixed fragments only; every value given is a bind parameter.
 */
public record ReportQuery(ReportDefinition report, Long partyId, LocalDate from, LocalDate to, LocalDate asOf) {

    public static ReportQuery of(ReportDefinition report, Long partyId, LocalDate from, LocalDate to, LocalDate asOf) {
        if (partyId != null && report.partyCondition() == null) {
            throw ApiProblem.badRequest("partyId", "Report " + report.name() + " cannot be filtered by party");
        }
        if (report.dateColumn() == null) {
            if (from != null) {
                throw ApiProblem.badRequest("from", "Report " + report.name() + " has no date to filter by");
            }
            if (to != null) {
                throw ApiProblem.badRequest("to", "Report " + report.name() + " has no date to filter by");
            }
        }
        if (asOf != null && report.asOfSource() == null) {
            throw ApiProblem.badRequest("asOf", "Report " + report.name() + " cannot answer as of a date;"
                    + " claim_positions can");
        }
        Params.checkRange("from", from, "to", to);
        LocalDate start = from != null && report.monthly() ? from.withDayOfMonth(1) : from;
        return new ReportQuery(report, partyId, start, to, asOf);
    }

    public String sql() {
        List<String> conditions = new ArrayList<>();
        if (partyId != null) {
            conditions.add(report.partyCondition());
        }
        if (from != null) {
            conditions.add("r." + report.dateColumn() + " >= ?");
        }
        if (to != null) {
            conditions.add("r." + report.dateColumn() + " <= ?");
        }
        String source = asOf != null ? report.asOfSource() : report.relation();
        return "select * from " + source + " r"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + report.orderBy();
    }

    /** Binds the values in the order {@link #sql()} places their parameters. */
    public void bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        if (asOf != null) {
            statement.setObject(index++, asOf);
        }
        if (partyId != null) {
            statement.setLong(index++, partyId);
        }
        if (from != null) {
            statement.setObject(index++, from);
        }
        if (to != null) {
            statement.setObject(index, to);
        }
    }
}
