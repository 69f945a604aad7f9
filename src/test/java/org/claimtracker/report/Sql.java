package org.claimtracker.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.setup.ReportingRole;
import org.claimtracker.support.TestDatabase;

/** Plain JDBC for the reporting tests: as the tracker's role, or as the read-only reporting role. */
final class Sql {

    private Sql() {
    }

    static Connection asReportingRole() throws SQLException {
        return DriverManager.getConnection(TestDatabase.url(), ReportingRole.NAME, TestDatabase.reportingPassword());
    }

    /** The rows of a query run as the tracker's role, each a map from column name to value. */
    static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.connect()) {
            return rows(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<Map<String, Object>> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof long[] ids) {
                    statement.setArray(i + 1, connection.createArrayOf("bigint",
                            java.util.Arrays.stream(ids).boxed().toArray()));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                ResultSetMetaData meta = resultSet.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (resultSet.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), resultSet.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
