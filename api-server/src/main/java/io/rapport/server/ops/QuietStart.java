package io.rapport.server.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A first start a newcomer can read: the libraries' own chatter (embedded PostgreSQL's initdb, Liquibase,
 * Jetty, Dropwizard's route listing) at WARN, so what remains is Rapport's few lines. A level configured for
 * one of these loggers ({@code logging.loggers}) is left as configured.
 */
public final class QuietStart {
    public static final List<String> CHATTY = List.of("io.zonky", "liquibase", "org.eclipse.jetty", "io.dropwizard",
            "org.hibernate.validator", "org.glassfish.jersey", "org.jdbi");

    private QuietStart() {
    }

    public static void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (String name : CHATTY) {
            Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
