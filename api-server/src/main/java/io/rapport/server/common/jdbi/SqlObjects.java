package io.rapport.server.common.jdbi;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

/**
 * Jdbi keeps each SqlObject type's metadata (its methods' handlers and configuration) in a cache that
 * every handle copies from the Jdbi instance; what a handle computes dies with it. Left cold, that
 * cache made every {@code Handle.attach} and on-demand call rebuild the metadata by reflection: a sixth
 * of the server's CPU at ingest (JFR, {@code Extensions.findMetadata}). Warming it once on the Jdbi
 * instance makes every later handle start with it.
 */
public final class SqlObjects {
    private SqlObjects() {
    }

    /** Computes the metadata of these SqlObject interfaces into {@code jdbi}'s own cache. */
    public static void warm(Jdbi jdbi, Class<?>... daos) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory factory = extensions.findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("The SqlObject plugin is not installed"));
        for (Class<?> dao : daos) {
            extensions.findMetadata(dao, factory);
        }
    }
}
