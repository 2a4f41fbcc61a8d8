package io.rapport.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.rapport.server.common.auth.AdminKeys;
import io.rapport.server.common.db.DatabaseConfig;
import io.rapport.server.common.db.SchemaMigrations;
import io.rapport.server.common.jdbi.RapportJdbiPlugin;
import io.rapport.server.demo.Demo;
import io.rapport.server.demo.DemoData;
import java.io.PrintStream;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.LoggerFactory;

/**
 * {@code demo}: shows the product with no setup. Starts (and migrates) the same database {@code server}
 * uses, seeds a demo organization with weeks of usage through the real services, prints what its officers
 * would see, and the credentials to explore the same data through the API.
 */
public class DemoCommand extends ConfiguredCommand<RapportConfiguration> {
    private final Clock clock;

    public DemoCommand(Clock clock) {
        super("demo", "Seeds a demo organization with weeks of usage and prints its officers' ranked partners");
        this.clock = clock;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--seed").type(Long.class).setDefault(Demo.DEFAULT_SEED)
                .help("seed of the generated usage; the same seed gives the same demo (default " + Demo.DEFAULT_SEED + ")");
    }

    @Override
    protected void run(Bootstrap<RapportConfiguration> bootstrap, Namespace namespace, RapportConfiguration config)
            throws Exception {
        // The report is the output: start-up chatter (embedded PostgreSQL, pool) would bury it.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        DatabaseConfig databaseConfig = config.getDatabase();
        DataSourceFactory database = databaseConfig.dataSourceFactory();
        SchemaMigrations migrations = new SchemaMigrations(database);
        if (databaseConfig.migrateOnStart()) {
            migrations.migrate();
        } else {
            migrations.requireCurrent();
        }
        String adminKey = AdminKeys.resolve(config.getAuth().adminKey(), databaseConfig.embedded(), databaseConfig.dataDir());
        ManagedDataSource dataSource = database.build(new MetricRegistry(), "demo");
        try {
            Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin())
                    .installPlugin(new RapportJdbiPlugin());
            Demo demo = new Demo(jdbi, clock);
            DemoData data = demo.seed(namespace.getLong("seed"));
            print(System.out, demo.report(data), data, adminKey);
        } finally {
            dataSource.stop();
        }
    }

    private static void print(PrintStream out, String report, DemoData data, String adminKey) {
        out.println();
        out.print(report);
        out.println();
        out.println("Explore the same data through the API: start the server in another terminal");
        out.println("  java -jar api-server/target/rapport-api-server-all.jar server");
        out.println("then:");
        out.println("  export RAPPORT_ADMIN=" + adminKey);
        out.println("  export RAPPORT_KEY=" + data.apiKey() + "   # organization key, scope admin");
        out.println("  export RAPPORT_INSTALL=" + data.installToken() + "   # " + data.officers().get(0).name()
                + "'s app on " + data.partners().get(0).name() + "'s phone");
        out.println("  export OFFICER=" + data.officers().get(0).id() + "   # " + data.officers().get(0).name());
        out.println("  export PARTNER=" + data.partners().get(0).id() + "   # " + data.partners().get(0).name());
        out.println("  curl -s -H \"Authorization: Bearer $RAPPORT_KEY\" localhost:8080/v1/officers/$OFFICER/partners");
        out.println("  curl -s -H \"Authorization: Bearer $RAPPORT_KEY\" localhost:8080/v1/score-changes");
        out.println();
        out.println("See it in a browser, with the server running:");
        out.println("  http://localhost:8080" + data.installLinkPath());
        out.println("      " + data.partners().get(0).name() + "'s branded app, as their phone opens it (works once, for 7 days;");
        out.println("      it swaps RAPPORT_INSTALL above for a token of its own; open it at 360 px wide to see the phone view)");
        out.println("  http://localhost:8080" + data.scoreCardPath());
        out.println("      " + data.officers().get(0).name() + "'s score card, as a CRM would frame it (valid 12 hours)");
        out.println("  http://localhost:8080/docs");
        out.println("      the API reference");
    }
}
