package io.rapport.it.bench;

import io.rapport.it.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's own account of each statement between two points (pg_stat_statements, preloaded by the bench
 * profile): calls, how many were planned (a custom plan each time, or a generic plan reused), and planning and
 * execution time per call. Unlike the CPU read from /proc, it leaves out background processes and counts only
 * the time inside the statement. Where the extension is not loaded, it prints that it is not.
 */
final class StatementStats {
    private static TestDatabases.Database database;

    private StatementStats() {
    }

    static void install(TestDatabases.Database db) {
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.executeQuery("SELECT count(*) FROM pg_stat_statements").close();
            database = db;
        } catch (SQLException e) {
            database = null; // not preloaded (or an external server without it)
        }
    }

    static void reset() {
        if (database == null) {
            return;
        }
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT pg_stat_statements_reset()").close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code n} statements with the most time since the last reset, one printed line each. */
    static String top(int n) {
        return lines("""
                     SELECT calls, plans, total_plan_time / calls AS plan_ms, total_exec_time / calls AS exec_ms,
                            shared_blks_hit / calls AS hit, shared_blks_dirtied AS dirtied, rows / calls AS rows,
                            regexp_replace(left(query, 400), '\\s+', ' ', 'g') AS query
                     FROM pg_stat_statements
                     WHERE calls > 0 AND query NOT LIKE '%pg_stat_statements%'
                     ORDER BY total_plan_time + total_exec_time DESC LIMIT
                     """ + n, (rs, query) -> String.format("  statement %,7d calls, %,7d planned, plan %.3f + exec %.3f ms"
                        + " a call, %,d buffers hit a call, %,d dirtied, %,d rows a call: %s%n", rs.getLong("calls"),
                rs.getLong("plans"), rs.getDouble("plan_ms"), rs.getDouble("exec_ms"), rs.getLong("hit"), rs.getLong("dirtied"),
                rs.getLong("rows"), query.substring(0, Math.min(110, query.length()))));
    }

    /**
     * The {@code n} statements that wrote the most WAL since the last reset, with what each call did to the
     * buffer cache (blocks found, read in from outside shared_buffers, dirtied, written out by the backend
     * itself to make room) and to the WAL (records, full-page images, bytes).
     */
    static String writes(int n) {
        return lines("""
                     SELECT calls, rows, total_exec_time / calls AS exec_ms, shared_blks_hit::float8 / calls AS hit,
                            shared_blks_read::float8 / calls AS read, shared_blks_dirtied::float8 / calls AS dirtied,
                            shared_blks_written::float8 / calls AS written, wal_records::float8 / calls AS wal_records,
                            wal_fpi::float8 / calls AS fpi, wal_bytes::float8 / calls AS wal_bytes,
                            regexp_replace(left(query, 400), '\\s+', ' ', 'g') AS query
                     FROM pg_stat_statements
                     WHERE calls > 0 AND query NOT LIKE '%pg_stat_statements%'
                     ORDER BY wal_bytes DESC LIMIT
                     """ + n, (rs, query) -> String.format("  writes %,6d calls of %,.0f rows, exec %.2f ms; a call: blocks"
                        + " %,.0f hit %,.1f read %,.1f dirtied %,.1f written; WAL %,.0f records %,.1f full-page images %,.0f kB:"
                        + " %s%n", rs.getLong("calls"), rs.getDouble("rows") / rs.getLong("calls"), rs.getDouble("exec_ms"),
                rs.getDouble("hit"), rs.getDouble("read"), rs.getDouble("dirtied"), rs.getDouble("written"),
                rs.getDouble("wal_records"), rs.getDouble("fpi"), rs.getDouble("wal_bytes") / 1024,
                query.substring(0, Math.min(70, query.length()))));
    }

    @FunctionalInterface
    private interface Line {
        String of(ResultSet rs, String query) throws SQLException;
    }

    /** One printed line per row of a pg_stat_statements query (which has a {@code query} column). */
    private static String lines(String sql, Line line) {
        if (database == null) {
            return "statements                           : pg_stat_statements not loaded\n";
        }
        StringBuilder out = new StringBuilder();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                out.append(line.of(rs, rs.getString("query")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static Connection connect(TestDatabases.Database db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }
}
