package io.rapport.server.common.jdbi;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * What every Jdbi of the server binds its own way. Install it after {@code PostgresPlugin}: Jdbi asks the
 * factories registered last first.
 */
public final class RapportJdbiPlugin extends JdbiPlugin.Singleton {

    @Override
    public void customizeJdbi(Jdbi jdbi) {
        jdbi.registerArgument(new ArrayArgumentFactory());
    }
}
