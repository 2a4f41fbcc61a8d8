package io.rapport.server.common.db;

import io.dropwizard.db.DataSourceFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import liquibase.Contexts;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Liquibase owns the schema. It runs on its own short-lived connection, never through a pooled Jdbi
 * handle, so its locking and auto-commit handling cannot leak into the application's connections.
 */
public final class SchemaMigrations {
    public static final String CHANGELOG = "db/changelog/master.xml";

    static {
        // No usage reporting and no hub calls from a server that talks to no one but its database.
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.hub.mode", "off");
        System.setProperty("liquibase.showBanner", "false");
        // The update summary goes to Liquibase's logger (quiet at WARN), not straight to the console.
        System.setProperty("liquibase.command.showSummaryOutput", "log");
    }

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private final DataSourceFactory database;

    public SchemaMigrations(DataSourceFactory database) {
        this.database = database;
    }

    /** How the database's schema compares with the changelog this build carries. */
    public record SchemaState(int pending, int unknown) {
        public boolean current() {
            return pending == 0 && unknown == 0;
        }
    }

    /** Applies what is pending: one log line per change set applied (Liquibase's own output goes to its logger). */
    public void migrate() {
        withLiquibase(liquibase -> {
            List<ChangeSet> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
            try {
                Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
                        () -> liquibase.update(new Contexts(), new LabelExpression()));
            } catch (LiquibaseException e) {
                throw e;
            } catch (Exception e) {
                throw new LiquibaseException(e);
            }
            pending.forEach(changeSet -> LOG.info("Applied migration {}", changeSet.getId()));
            return null;
        });
    }

    public SchemaState state() {
        return withLiquibase(liquibase -> new SchemaState(
                liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size(),
                liquibase.listUnexpectedChangeSets(new Contexts(), new LabelExpression()).size()));
    }

    /** Refuses to serve against a schema this build does not match, and says what to do. */
    public void requireCurrent() {
        SchemaState state = state();
        if (state.unknown() > 0) {
            throw new IllegalStateException("The database schema is newer than this build (" + state.unknown()
                    + " unknown change set(s)); run a Rapport version that matches it.");
        }
        if (state.pending() > 0) {
            throw new IllegalStateException("The database schema is missing " + state.pending()
                    + " change set(s); run 'java -jar rapport-api-server-all.jar db migrate [config.yml]' first.");
        }
    }

    private <T> T withLiquibase(LiquibaseWork<T> work) {
        try (Connection connection = DriverManager.getConnection(database.getUrl(), database.getUser(), database.getPassword())) {
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), new JdbcConnection(connection));
            return work.apply(liquibase);
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("Schema migration check failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface LiquibaseWork<T> {
        T apply(Liquibase liquibase) throws LiquibaseException;
    }
}
