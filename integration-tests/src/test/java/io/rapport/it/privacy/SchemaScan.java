package io.rapport.it.privacy;

import io.rapport.it.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where values still are, read from the schema itself: every column of every table (information_schema), cast to
 * text (bytea searched as bytes), so a table added later is searched without anyone listing it here.
 */
final class SchemaScan {
    private record Column(String table, String column, String type) {
    }

    private SchemaScan() {
    }

    /** {@code table.column} of every column holding any of {@code needles}, in name order. */
    static Set<String> columnsHolding(TestDatabases.Database db, Collection<String> needles) {
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            Set<String> found = new TreeSet<>();
            for (Column c : columns(connection)) {
                for (String needle : needles) {
                    if (holds(connection, c, needle)) {
                        found.add(c.table() + "." + c.column());
                        break;
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tables of the application's schema (Liquibase's own bookkeeping aside). */
    static Set<String> tables(TestDatabases.Database db) {
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            Set<String> tables = new TreeSet<>();
            columns(connection).forEach(c -> tables.add(c.table()));
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Column> columns(Connection connection) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.table_name, c.column_name, c.data_type
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                  AND c.table_name NOT LIKE 'databasechangelog%'
                ORDER BY c.table_name, c.ordinal_position
                """);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(new Column(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return columns;
    }

    private static boolean holds(Connection connection, Column c, String needle) throws SQLException {
        String condition = "bytea".equals(c.type())
                ? "position(convert_to(?, 'UTF8') IN \"" + c.column() + "\") > 0"
                : "strpos(CAST(\"" + c.column() + "\" AS text), ?) > 0";
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM \"" + c.table() + "\" WHERE " + condition + ")")) {
            statement.setString(1, needle);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
