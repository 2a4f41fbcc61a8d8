package io.rapport.server.common.db;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Unhealthy when the database's schema and this build's changelog disagree. Asking Liquibase takes half a
 * second and its own connection, so the answer is the last one known (the start checked it), refreshed in the
 * background at most every {@link #REFRESH}: a health check answers at once and never runs a migration check.
 */
public class SchemaHealthCheck extends HealthCheck {
    static final Duration REFRESH = Duration.ofMinutes(5);
    private final SchemaMigrations migrations;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Known known;

    private record Known(SchemaMigrations.SchemaState state, String failure, Instant at) {
    }

    /** {@code atStart}: the state the start established (migrated, or required to be current). */
    public SchemaHealthCheck(SchemaMigrations migrations, SchemaMigrations.SchemaState atStart, Clock clock) {
        this.migrations = migrations;
        this.clock = clock;
        this.known = new Known(atStart, null, clock.instant());
    }

    @Override
    protected Result check() {
        Known now = known;
        if (now.at().plus(REFRESH).isBefore(clock.instant()) && refreshing.compareAndSet(false, true)) {
            CompletableFuture.runAsync(this::refresh);
        }
        if (now.failure() != null) {
            return Result.unhealthy("schema check failed: %s", now.failure());
        }
        return now.state().current()
                ? Result.healthy()
                : Result.unhealthy("%d pending and %d unknown change set(s)", now.state().pending(), now.state().unknown());
    }

    private void refresh() {
        try {
            known = new Known(migrations.state(), null, clock.instant());
        } catch (RuntimeException e) {
            known = new Known(known.state(), String.valueOf(e.getMessage()).lines().findFirst().orElse(""), clock.instant());
        } finally {
            refreshing.set(false);
        }
    }
}
