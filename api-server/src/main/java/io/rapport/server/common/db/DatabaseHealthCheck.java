package io.rapport.server.common.db;

import com.codahale.metrics.health.HealthCheck;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Whether a pooled connection answers, in a second at most. Replaces Dropwizard's, whose failure carried the
 * exception's whole stack trace into the health JSON: a failure here is one line saying why.
 */
public class DatabaseHealthCheck extends HealthCheck {
    private static final int TIMEOUT_SECONDS = 1;
    private final DataSource dataSource;

    public DatabaseHealthCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected Result check() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS) ? Result.healthy() : Result.unhealthy("the database did not answer in time");
        } catch (SQLException e) {
            return Result.unhealthy("the database cannot be reached: %s", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
