package io.rapport.it.bench;

import io.rapport.it.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where PostgreSQL's buffer cache and WAL went between two points, from its cumulative statistics: WAL
 * records, full-page images and bytes (pg_stat_wal), checkpoints and the buffers they wrote
 * (pg_stat_checkpointer), reads, writes and evictions of the client backends (pg_stat_io), the blocks of each
 * index of one table read from outside shared_buffers or found in it (pg_statio_user_indexes), and
 * autovacuum's runs on the table. It tells a statement that got dearer because its pages no longer fit in
 * shared_buffers, or because each insert now writes a full-page image into the WAL after a checkpoint, from
 * one that does more work. PostgreSQL flushes a backend's statistics at most once a second: take a snapshot
 * after a pause of a second or more past the work.
 */
final class PostgresIo {
    private final TestDatabases.Database database;
    private final String table;

    PostgresIo(TestDatabases.Database database, String table) {
        this.database = database;
        this.table = table;
    }

    /** The counters now, by name. */
    Map<String, Long> snapshot() {
        Map<String, Long> counters = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            read(statement, "SELECT wal_records, wal_fpi, wal_bytes::bigint, wal_buffers_full FROM pg_stat_wal", "wal", counters);
            read(statement, """
                    SELECT num_timed, num_requested, buffers_written FROM pg_stat_checkpointer
                    """, "checkpointer", counters);
            read(statement, """
                    SELECT coalesce(sum(reads), 0)::bigint AS reads, coalesce(sum(writes), 0)::bigint AS writes,
                           coalesce(sum(evictions), 0)::bigint AS evictions, coalesce(sum(extends), 0)::bigint AS extends
                    FROM pg_stat_io WHERE backend_type = 'client backend' AND object = 'relation'
                    """, "client backends", counters);
            read(statement, """
                    SELECT coalesce(autovacuum_count, 0) AS autovacuums, coalesce(autoanalyze_count, 0) AS autoanalyzes
                    FROM pg_stat_user_tables WHERE relname = '%s'
                    """.formatted(table), "table", counters);
            try (ResultSet rows = statement.executeQuery("""
                    SELECT indexrelname, idx_blks_read, idx_blks_hit FROM pg_statio_user_indexes
                    WHERE relname = '%s' ORDER BY indexrelname
                    """.formatted(table))) {
                while (rows.next()) {
                    counters.put("index " + rows.getString(1) + " read", rows.getLong(2));
                    counters.put("index " + rows.getString(1) + " hit", rows.getLong(3));
                }
            }
            try (ResultSet rows = statement.executeQuery("""
                    SELECT heap_blks_read, heap_blks_hit FROM pg_statio_user_tables WHERE relname = '%s'
                    """.formatted(table))) {
                if (rows.next()) {
                    counters.put("heap read", rows.getLong(1));
                    counters.put("heap hit", rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counters;
    }

    private static void read(Statement statement, String sql, String prefix, Map<String, Long> counters) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            if (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    counters.put(prefix + " " + rows.getMetaData().getColumnLabel(i), rows.getLong(i));
                }
            }
        }
    }

    /** What changed from {@code before} to {@code after}, per inserted row where {@code rows} > 0, as printed lines. */
    static String delta(Map<String, Long> before, Map<String, Long> after, long rows, String shared) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("  PostgreSQL I/O over %,d inserted rows (shared_buffers %s; per row in brackets):%n", rows, shared));
        StringBuilder line = new StringBuilder("   ");
        for (Map.Entry<String, Long> counter : after.entrySet()) {
            long change = counter.getValue() - before.getOrDefault(counter.getKey(), 0L);
            String item = rows > 0 && !counter.getKey().startsWith("checkpointer num") && !counter.getKey().startsWith("table")
                    ? String.format(" %s %,d (%.2f);", counter.getKey(), change, (double) change / rows)
                    : String.format(" %s %,d;", counter.getKey(), change);
            if (line.length() + item.length() > 150) {
                out.append(line).append('\n');
                line = new StringBuilder("   ");
            }
            line.append(item);
        }
        out.append(line).append('\n');
        return out.toString();
    }
}
