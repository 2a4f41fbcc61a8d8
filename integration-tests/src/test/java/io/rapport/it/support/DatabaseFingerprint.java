package io.rapport.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A digest of every application table's rows, to show that a request changed nothing. Left out: Liquibase's
 * own tables, stored idempotent answers (a refused create is stored for replay, by design), rescore jobs and
 * the score rows they rewrite in the background after their 202, and the columns that record use rather than data ({@code last_used_at}, {@code last_seen_at}).
 */
public final class DatabaseFingerprint {
    private static final Set<String> SKIPPED = Set.of("databasechangelog", "databasechangeloglock", "idempotency_key", "rescore_job",
            "relationship_score");
    private final TestDatabases.Database database;
    private List<String> tables;
    private Connection connection;
    private String lastLsn;
    private String lastDigest;

    public DatabaseFingerprint(TestDatabases.Database database) {
        this.database = database;
    }

    /**
     * One digest per table, {@code table=md5} joined by spaces. Recomputed only when PostgreSQL's WAL position
     * moved since the last one (nothing was written otherwise), which keeps thousands of checks fast.
     */
    public String take() {
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(database.url(), database.user(), database.password());
            }
            String lsn = lsn();
            if (!lsn.equals(lastLsn)) {
                lastDigest = digest();
                lastLsn = lsn;
            }
            return lastDigest;
        } catch (SQLException e) {
            throw new IllegalStateException("Fingerprint failed", e);
        }
    }

    private String lsn() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String digest() {
        try (Statement statement = connection.createStatement()) {
            if (tables == null) {
                tables = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                    while (rs.next()) {
                        if (!SKIPPED.contains(rs.getString(1))) {
                            tables.add(rs.getString(1));
                        }
                    }
                }
            }
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < tables.size(); i++) {
                sql.append(i == 0 ? "" : " || ' ' || ").append("'").append(tables.get(i)).append("=' || (SELECT md5(coalesce(")
                        .append("string_agg((to_jsonb(t) - 'last_used_at' - 'last_seen_at')::text, ',' ORDER BY (to_jsonb(t) - 'last_used_at' - 'last_seen_at')::text), '')) FROM ")
                        .append(tables.get(i)).append(" t)");
            }
            try (ResultSet rs = statement.executeQuery(sql.toString())) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Fingerprint failed", e);
        }
    }

    /** The tables whose digest differs. */
    public String diff(String before, String after) {
        List<String> changed = new ArrayList<>();
        String[] a = before.split(" ");
        String[] b = after.split(" ");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                changed.add(a[i].substring(0, a[i].indexOf('=')));
            }
        }
        return String.join(", ", changed);
    }
}
