package io.rapport.server.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup default: a PostgreSQL 17 server run by this process with its files in a local
 * folder, so that data survives restarts. One server per folder per process.
 */
public final class EmbeddedDatabase {
    public static final String USER = "postgres";
    static final String DATABASE = "rapport";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> RUNNING = new HashMap<>();
    /** Set when the server's lifecycle stops the database after HTTP and the workers; the JVM hook then leaves it. */
    private static volatile boolean stoppedByLifecycle;

    private final Path dataDir;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path dataDir, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.postgres = postgres;
    }

    /**
     * Starts the server for {@code dataDir}, or returns the one this process already runs there;
     * {@code sharedBuffers} (e.g. {@code 1GB}) sizes its buffer cache, empty keeps PostgreSQL's default.
     */
    public static synchronized EmbeddedDatabase start(Path dataDir, String sharedBuffers) {
        if (RUNNING.isEmpty()) {
            // Commands such as 'db migrate' end without a lifecycle: stop the server with the JVM. Under 'server'
            // the lifecycle does it last; this hook would run beside Jetty's and pull the database from under it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (!stoppedByLifecycle) {
                    stopAll();
                }
            }, "embedded-postgres-stop"));
        }
        return RUNNING.computeIfAbsent(dataDir, dir -> launch(dir, sharedBuffers));
    }

    /** From now on the server's lifecycle stops the database (after everything that uses it), not the JVM hook. */
    public static void stopWithLifecycle() {
        stoppedByLifecycle = true;
    }

    /** Stops every embedded server this process started; safe to call more than once. */
    public static synchronized void stopAll() {
        RUNNING.values().forEach(EmbeddedDatabase::close);
        RUNNING.clear();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    private static EmbeddedDatabase launch(Path dataDir, String sharedBuffers) {
        Path pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(pgData);
            LeftoverPostmaster.stopIfRunning(pgData);
            LOG.info("Starting embedded PostgreSQL with its data in {}, shared_buffers {}", pgData,
                    sharedBuffers.isBlank() ? "128MB (PostgreSQL's default)" : sharedBuffers);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (!sharedBuffers.isBlank()) {
                builder.setServerConfig("shared_buffers", sharedBuffers);
            }
            EmbeddedPostgres postgres = builder
                    .setRegisterShutdownHook(false)
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    // zonky tunes for throwaway test clusters (fsync off); this one keeps real data,
                    // and a 2xx promises the data is on disk.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Its log goes to ours: errors without DETAIL (which can quote a failing row's secret) or statement.
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic")
                    .start();
            createDatabaseIfMissing(postgres);
            return new EmbeddedDatabase(dataDir, postgres);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new IllegalStateException("The embedded PostgreSQL could not start in " + pgData + " (" + e.getMessage()
                    + "). It needs a writable folder that no other Rapport is using and, when run as root, user"
                    + " namespaces. Or point Rapport at"
                    + " your own PostgreSQL 15+: RAPPORT_DATABASE_URL=jdbc:postgresql://host:5432/rapport"
                    + " RAPPORT_DATABASE_USER=... RAPPORT_DATABASE_PASSWORD=... then run 'db migrate'.", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    private void close() {
        try {
            LOG.info("Stopping embedded PostgreSQL in {}", dataDir);
            postgres.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL in {} did not stop cleanly", dataDir, e);
        }
    }
}
