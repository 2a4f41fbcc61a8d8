package io.rapport.server.common.db;

import com.codahale.metrics.health.HealthCheck;

/** Unhealthy when the database's schema and this build's changelog disagree. */
public class SchemaHealthCheck extends HealthCheck {
    private final SchemaMigrations migrations;

    public SchemaHealthCheck(SchemaMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    protected Result check() {
        SchemaMigrations.SchemaState state = migrations.state();
        return state.current()
                ? Result.healthy()
                : Result.unhealthy("%d pending and %d unknown change set(s)", state.pending(), state.unknown());
    }
}
