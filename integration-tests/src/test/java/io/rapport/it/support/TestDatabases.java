package io.rapport.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh PostgreSQL database per test class: on the embedded server this JVM starts once, or on
 * the external server named by {@code RAPPORT_TEST_DATABASE_URL} (CI runs both).
 */
public final class TestDatabases {
    private static final String EXTERNAL_URL = System.getenv("RAPPORT_TEST_DATABASE_URL");
    private static final String EXTERNAL_USER = System.getenv().getOrDefault("RAPPORT_TEST_DATABASE_USER", "postgres");
    private static final String EXTERNAL_PASSWORD = System.getenv().getOrDefault("RAPPORT_TEST_DATABASE_PASSWORD", "");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String PG_PREFIX = "rapport.it.pg.";
    private static Server server;

    /** The maintenance database of one server, and credentials that may create databases on it. */
    public record Server(String baseUrl, String user, String password) {
        String urlOf(String database) {
            int slash = baseUrl.lastIndexOf('/');
            int query = baseUrl.indexOf('?', slash);
            return baseUrl.substring(0, slash + 1) + database + (query < 0 ? "" : baseUrl.substring(query));
        }
    }

    /** A database created just now for one test class. */
    public record Database(String name, String url, String user, String password) {
    }

    private TestDatabases() {
    }

    public static boolean external() {
        return EXTERNAL_URL != null && !EXTERNAL_URL.isBlank();
    }

    public static synchronized Server server() {
        if (server == null) {
            server = external() ? new Server(EXTERNAL_URL, EXTERNAL_USER, EXTERNAL_PASSWORD) : startEmbedded();
            System.out.println("[rapport-it] test databases on " + (external() ? "external " + EXTERNAL_URL : "embedded PostgreSQL 17"));
        }
        return server;
    }

    public static Database create() {
        Server s = server();
        String name = "rapport_it_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(s, "DROP DATABASE IF EXISTS " + name);
        execute(s, "CREATE DATABASE " + name);
        return new Database(name, s.urlOf(name), s.user(), s.password());
    }

    public static void drop(Database database) {
        execute(server(), "DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
    }

    /** The event ids stored for an organization, read straight from usage_event (any order). */
    public static List<UUID> storedEventIds(Database database, UUID orgId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement query = connection.prepareStatement("SELECT event_id FROM usage_event WHERE org_id = ?")) {
            query.setObject(1, orgId);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    /** Runs one statement on a test database, behind the server's back (to break or inspect it). */
    public static void execute(Database database, String sql) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void execute(Server s, String sql) {
        try (Connection connection = DriverManager.getConnection(s.baseUrl(), s.user(), s.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Server startEmbedded() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                    // As the server's own embedded PostgreSQL: no row values or statements in its log.
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic");
            // -Drapport.it.pg.NAME=VALUE sets a server parameter (the bench profile sizes shared_buffers this way)
            System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(PG_PREFIX)).sorted()
                    .forEach(name -> builder.setServerConfig(name.substring(PG_PREFIX.length()), System.getProperty(name)));
            if (Boolean.getBoolean("rapport.it.pgStatStatements")) {
                // the benchmarks (profile bench) read each statement's planning and execution time from it
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track_planning", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is going away; the temporary cluster goes with it.
                }
            }));
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL for the tests did not start", e);
        }
    }
}
