package io.rapport.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.migrations.MigrationsBundle;
import io.rapport.server.apikey.ApiKeyCredentials;
import io.rapport.server.apikey.ApiKeyResource;
import io.rapport.server.apikey.ApiKeyService;
import io.rapport.server.audit.AuditPurge;
import io.rapport.server.audit.AuditResource;
import io.rapport.server.audit.AuditService;
import io.rapport.server.branch.BranchResource;
import io.rapport.server.branch.BranchService;
import io.rapport.server.common.admin.RunNowTask;
import io.rapport.server.common.auth.AdminKeys;
import io.rapport.server.common.auth.ContractScopes;
import io.rapport.server.common.auth.CredentialResolver;
import io.rapport.server.common.auth.PlatformAdminCredentials;
import io.rapport.server.common.auth.ScopeFeature;
import io.rapport.server.common.db.DatabaseConfig;
import io.rapport.server.common.db.DatabaseHealthCheck;
import io.rapport.server.common.db.EmbeddedDatabase;
import io.rapport.server.common.db.SchemaHealthCheck;
import io.rapport.server.common.db.SchemaMigrations;
import io.rapport.server.common.idempotency.IdempotencyFeature;
import io.rapport.server.common.idempotency.IdempotencyPurge;
import io.rapport.server.common.idempotency.IdempotencyStore;
import io.rapport.server.common.jdbi.CachedNamingTemplateEngine;
import io.rapport.server.common.jdbi.RapportJdbiPlugin;
import io.rapport.server.common.jdbi.StatementMessages;
import io.rapport.server.common.problem.ProblemExceptionMapper;
import io.rapport.server.common.problem.ViolationExceptionMapper;
import io.rapport.server.common.ratelimit.RateLimitFilter;
import io.rapport.server.common.ratelimit.RateLimits;
import io.rapport.server.common.time.OffsetDateTimeReader;
import io.rapport.server.common.time.OffsetDateTimeWriter;
import io.rapport.server.common.web.ContractEnumParamConverters;
import io.rapport.server.common.web.ContractQueryParameters;
import io.rapport.server.common.web.ContractResource;
import io.rapport.server.common.web.DateParamConverters;
import io.rapport.server.common.web.HttpEdges;
import io.rapport.server.common.web.RequestIdFilter;
import io.rapport.server.common.web.TimestampParamConverters;
import io.rapport.server.common.web.UnknownParameterFeature;
import io.rapport.server.content.ContentEventValidator;
import io.rapport.server.content.ContentResource;
import io.rapport.server.content.ContentService;
import io.rapport.server.content.ContentStatsResource;
import io.rapport.server.content.ContentStatsService;
import io.rapport.server.content.FeedResource;
import io.rapport.server.content.FeedService;
import io.rapport.server.content.ImageSlot;
import io.rapport.server.content.ImageStore;
import io.rapport.server.content.PartnerLogoResource;
import io.rapport.server.content.PhotoResource;
import io.rapport.server.embed.EmbedGuard;
import io.rapport.server.embed.EmbedPage;
import io.rapport.server.embed.EmbedResource;
import io.rapport.server.embed.EmbedService;
import io.rapport.server.embed.EmbedTokenCredentials;
import io.rapport.server.event.AcceptedEventsListener;
import io.rapport.server.event.BodyLimit;
import io.rapport.server.event.EventBatchTraversal;
import io.rapport.server.event.EventIngestService;
import io.rapport.server.event.EventResource;
import io.rapport.server.event.EventValidator;
import io.rapport.server.event.RelationshipRegistry;
import io.rapport.server.event.RelationshipResource;
import io.rapport.server.event.RelationshipService;
import io.rapport.server.event.TimelineService;
import io.rapport.server.generated.model.EventBatch;
import io.rapport.server.install.AppInstallResource;
import io.rapport.server.install.AppInstallService;
import io.rapport.server.install.InstallLinks;
import io.rapport.server.install.InstallTokenCredentials;
import io.rapport.server.install.UninstallListener;
import io.rapport.server.officer.OfficerResource;
import io.rapport.server.officer.OfficerService;
import io.rapport.server.ops.AdminBinding;
import io.rapport.server.ops.BacklogGauges;
import io.rapport.server.ops.EndpointTimers;
import io.rapport.server.ops.OpsMetrics;
import io.rapport.server.ops.PrometheusEndpoint;
import io.rapport.server.ops.QuietStart;
import io.rapport.server.ops.StartupBanner;
import io.rapport.server.org.OrganizationResource;
import io.rapport.server.org.OrganizationService;
import io.rapport.server.oversight.OversightResource;
import io.rapport.server.oversight.OversightService;
import io.rapport.server.pages.AppPages;
import io.rapport.server.pages.DocsPage;
import io.rapport.server.partner.PartnerResource;
import io.rapport.server.partner.PartnerService;
import io.rapport.server.privacy.ErasureService;
import io.rapport.server.privacy.ExportService;
import io.rapport.server.privacy.PartnerTombstones;
import io.rapport.server.privacy.PrivacyResource;
import io.rapport.server.score.model.ScoringModelResource;
import io.rapport.server.score.model.ScoringModelService;
import io.rapport.server.score.model.ScoringModels;
import io.rapport.server.score.read.ScoreResource;
import io.rapport.server.score.read.ScoreService;
import io.rapport.server.score.read.WeekChanges;
import io.rapport.server.score.report.ScoreReportResource;
import io.rapport.server.score.report.ScoreReportService;
import io.rapport.server.score.rescore.RescoreJobs;
import io.rapport.server.score.write.ScoreChangeLog;
import io.rapport.server.score.write.ScoreSweeper;
import io.rapport.server.score.write.ScoreUpdater;
import io.rapport.server.webhook.DeliveryPurge;
import io.rapport.server.webhook.DeliveryService;
import io.rapport.server.webhook.ReferralListener;
import io.rapport.server.webhook.TargetPolicy;
import io.rapport.server.webhook.WebhookDispatcher;
import io.rapport.server.webhook.WebhookOutbox;
import io.rapport.server.webhook.WebhookResource;
import io.rapport.server.webhook.WebhookService;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;

/** Wires Rapport by hand: configuration → database → services → resources. */
public class RapportApplication extends Application<RapportConfiguration> {
    private final Clock clock;
    /** Jdbi's pool, also used directly by API-key authentication (one plain statement per request). */
    private ManagedDataSource dataSource;
    /** Business metrics (events, problems, webhook deliveries), shown on the admin port's Prometheus page. */
    private OpsMetrics ops;

    public RapportApplication() {
        this(Clock.systemUTC());
    }

    public RapportApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new RapportApplication().run(args);
    }

    @Override
    public String getName() {
        return "rapport";
    }

    @Override
    public void initialize(Bootstrap<RapportConfiguration> bootstrap) {
        bootstrap.getObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Absent properties are left out, but a null inside a map is data: an event's "campaign": null is kept.
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.ALWAYS));
        // "" is no UUID (or URI): Jackson would read it as null, and a null id in a list then failed as a 500.
        bootstrap.getObjectMapper().coercionConfigFor(LogicalType.OtherScalar)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // Reading every event's occurredAt through Jackson's general time reader was most of a batch's parse time.
        OffsetDateTimeReader.install(bootstrap.getObjectMapper());
        // and writing them through DateTimeFormatter was the largest part of writing a ranked page (two a partner)
        OffsetDateTimeWriter.install(bootstrap.getObjectMapper());
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(RapportConfiguration configuration) {
                return configuration.getDatabase().dataSourceFactory();
            }

            @Override
            public String getMigrationsFileName() {
                return SchemaMigrations.CHANGELOG;
            }
        });
        bootstrap.addCommand(new DemoCommand(clock));
    }

    @Override
    public void run(RapportConfiguration config, Environment environment) {
        QuietStart.apply();
        ops = new OpsMetrics(environment.metrics());
        // Our single mapper answers every error as problem+json; Dropwizard's defaults would answer some in their own shape.
        ((AbstractServerFactory) config.getServerFactory()).setRegisterDefaultExceptionMappers(false);
        Jdbi jdbi = database(config.getDatabase(), environment);
        platform(config, environment, jdbi);
        directory(environment.jersey(), jdbi);
        events(environment, jdbi);
        content(environment, jdbi);
        scores(config, environment, jdbi);
        webhooks(config, environment, jdbi);
        privacy(config, environment, jdbi);
        pages(environment.jersey(), jdbi);
        operations(config, environment, jdbi);
    }

    /** What on-call reads: Prometheus metrics, timers per operation, backlogs, health checks, the admin port on loopback. */
    private void operations(RapportConfiguration config, Environment environment, Jdbi jdbi) {
        environment.jersey().register(new EndpointTimers(environment.metrics()));
        BacklogGauges.register(environment.metrics(), jdbi, clock);
        PrometheusEndpoint.install(environment);
        AdminBinding.loopbackUnlessConfigured(config.getServerFactory());
        AdminBinding.requestIdInAccessLog(config.getServerFactory());
    }

    /** The embedded or external PostgreSQL, its schema checked (or migrated) before anything uses it. */
    private Jdbi database(DatabaseConfig databaseConfig, Environment environment) {
        DataSourceFactory database = databaseConfig.dataSourceFactory();
        if (databaseConfig.embedded()) {
            // Last of all: after Jetty has stopped taking and serving requests and every managed worker has stopped.
            EmbeddedDatabase.stopWithLifecycle();
            environment.lifecycle().addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStopped(LifeCycle event) {
                    if (event instanceof Server) {
                        EmbeddedDatabase.stopAll();
                    }
                }
            });
        }
        SchemaMigrations migrations = new SchemaMigrations(database);
        if (databaseConfig.migrateOnStart()) {
            migrations.migrate();
        } else {
            migrations.requireCurrent();
        }
        SchemaMigrations.SchemaState schemaAtStart = new SchemaMigrations.SchemaState(0, 0);
        dataSource = database.build(environment.metrics(), "postgresql");
        Jdbi jdbi = new JdbiFactory().build(environment, database, dataSource, "postgresql");
        jdbi.installPlugin(new PostgresPlugin()).installPlugin(new RapportJdbiPlugin());
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(new CachedNamingTemplateEngine());
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementMessages::render);
        environment.healthChecks().register("schema", new SchemaHealthCheck(migrations, schemaAtStart, clock));
        environment.healthChecks().unregister("postgresql");
        environment.healthChecks().register("postgresql", new DatabaseHealthCheck(dataSource));
        return jdbi;
    }

    /** What every request passes through: request ids, problems, authentication by contract scope, limits. */
    private void platform(RapportConfiguration config, Environment environment, Jdbi jdbi) {
        DatabaseConfig databaseConfig = config.getDatabase();
        StartupBanner banner = new StartupBanner(config.getServerFactory());
        String adminKey = AdminKeys.resolve(config.getAuth().adminKey(), databaseConfig.embedded(), databaseConfig.dataDir(),
                banner::generatedAdminKey);
        environment.lifecycle().addServerLifecycleListener(banner);
        List<CredentialResolver> credentials = List.of(
                new PlatformAdminCredentials(adminKey),
                new ApiKeyCredentials(dataSource, clock),
                new InstallTokenCredentials(jdbi, clock),
                new EmbedTokenCredentials(jdbi, clock));

        var jersey = environment.jersey();
        HttpEdges.install(environment, Set.of(EventBatch.class));
        jersey.register(new RequestIdFilter());
        ProblemExceptionMapper problems = new ProblemExceptionMapper(ops::problem);
        jersey.register(problems);
        jersey.register(new ViolationExceptionMapper(problems));
        jersey.register(new ContractEnumParamConverters());
        jersey.register(new TimestampParamConverters());
        jersey.register(new DateParamConverters());
        jersey.register(new ScopeFeature(ContractScopes.parse(ContractResource.load()), credentials));
        jersey.register(new ContractResource());
        jersey.register(new UnknownParameterFeature(ContractQueryParameters.parse(ContractResource.load())));
        // Rate limits per key, then Idempotency-Key on creates: both run after authentication.
        jersey.register(new RateLimitFilter(new RateLimits(config.getRateLimit(), clock)));
        IdempotencyStore idempotency = new IdempotencyStore(jdbi, clock, environment.getObjectMapper());
        jersey.register(new IdempotencyFeature(idempotency));
        IdempotencyPurge.schedule(environment, idempotency);
    }

    /** Tenants, keys, branches, officers and partners. */
    private void directory(JerseyEnvironment jersey, Jdbi jdbi) {
        jersey.register(new OrganizationResource(new OrganizationService(jdbi, clock)));
        jersey.register(new ApiKeyResource(new ApiKeyService(jdbi, clock)));
        jersey.register(new BranchResource(new BranchService(jdbi, clock)));
        jersey.register(new OfficerResource(new OfficerService(jdbi, clock)));
        jersey.register(new PartnerResource(new PartnerService(jdbi, clock)));
    }

    /** Usage events, timelines, relationships and app installs. */
    private void events(Environment environment, Jdbi jdbi) {
        RelationshipRegistry relationships = new RelationshipRegistry(clock);
        var jersey = environment.jersey();
        jersey.register(new BodyLimit());
        jersey.register(new EventResource(eventIngest(jdbi, clock, relationships), new TimelineService(jdbi),
                environment.getObjectMapper(), ops));
        jersey.register(new RelationshipResource(new RelationshipService(jdbi)));
        InstallLinks installLinks = new InstallLinks(jdbi, clock);
        jersey.register(new AppInstallResource(new AppInstallService(jdbi, clock, relationships, installLinks),
                installLinks));
        environment.setValidator(EventBatchTraversal.validator());
    }

    /** The branded app: officer photos, partner logos, the content library, its stats and the app feed. */
    private void content(Environment environment, Jdbi jdbi) {
        ImageStore photos = new ImageStore(jdbi, clock, ImageSlot.OFFICER_PHOTO);
        ImageStore logos = new ImageStore(jdbi, clock, ImageSlot.PARTNER_LOGO);
        var jersey = environment.jersey();
        jersey.register(new PhotoResource(photos));
        jersey.register(new PartnerLogoResource(logos));
        jersey.register(new ContentResource(new ContentService(jdbi, clock)));
        jersey.register(new ContentStatsResource(new ContentStatsService(jdbi), clock));
        jersey.register(new FeedResource(new FeedService(jdbi, clock, photos, logos), environment.getObjectMapper()));
    }

    /** Score reads, the change feed, the time-driven sweep, the scoring model and its rescore jobs, oversight. */
    private void scores(RapportConfiguration config, Environment environment, Jdbi jdbi) {
        ScoringModels scoringModels = new ScoringModels();
        ScoreSweeper sweeper = new ScoreSweeper(jdbi, clock, scoringModels, scoreChangeLog(),
                config.getScoring().sweepInterval());
        environment.lifecycle().manage(sweeper);
        environment.admin().addTask(new RunNowTask("score-sweep", "swept", sweeper::sweep));
        RescoreJobs rescoreJobs = new RescoreJobs(jdbi, clock, scoringModels, scoreChangeLog(), config.getScoring());
        environment.lifecycle().manage(rescoreJobs);
        var jersey = environment.jersey();
        jersey.register(new ScoreResource(new ScoreService(jdbi, clock, scoringModels),
                new WeekChanges(jdbi, clock, scoringModels)));
        jersey.register(new ScoringModelResource(new ScoringModelService(jdbi, clock, scoringModels, rescoreJobs)));
        jersey.register(new ScoreReportResource(new ScoreReportService(jdbi, clock, scoringModels)));
        jersey.register(new OversightResource(new OversightService(jdbi, clock)));
    }

    /** Webhook subscriptions and the dispatcher that sends their outbox (written with each score change). */
    private void webhooks(RapportConfiguration config, Environment environment, Jdbi jdbi) {
        TargetPolicy targets = new TargetPolicy(config.getWebhooks().allowPrivateTargets());
        WebhookDispatcher dispatcher = new WebhookDispatcher(jdbi, clock, config.getWebhooks(), targets, ops);
        environment.lifecycle().manage(dispatcher);
        environment.admin().addTask(new RunNowTask("webhook-dispatch", "attempted", dispatcher::dispatchDue));
        DeliveryPurge purge = new DeliveryPurge(jdbi, clock, config.getWebhooks().retention());
        purge.schedule(environment);
        environment.admin().addTask(new RunNowTask("webhook-purge", "purged", purge::purge));
        environment.jersey().register(new WebhookResource(new WebhookService(jdbi, clock, targets,
                config.getWebhooks().secretRotationOverlap()),
                new DeliveryService(jdbi, clock), environment.getObjectMapper()));
    }

    /** The audit log (written by each audited service in its own transaction), partner export and erasure. */
    private void privacy(RapportConfiguration config, Environment environment, Jdbi jdbi) {
        AuditService audit = new AuditService(jdbi, clock, config.getAudit().retention());
        AuditPurge.schedule(environment, audit);
        environment.admin().addTask(new RunNowTask("audit-purge", "purged", audit::purge));
        environment.jersey().register(new AuditResource(audit, environment.getObjectMapper()));
        environment.jersey().register(new PrivacyResource(new ExportService(jdbi, clock, environment.getObjectMapper()),
                new ErasureService(jdbi, clock)));
    }

    /** The partner's app, the officer's embeddable score card (with its tokens) and the API reference. */
    private void pages(JerseyEnvironment jersey, Jdbi jdbi) {
        EmbedService embeds = new EmbedService(jdbi, clock);
        jersey.register(new EmbedGuard(jdbi));
        jersey.register(new EmbedResource(embeds));
        jersey.register(new EmbedPage(embeds));
        jersey.register(new AppPages());
        jersey.register(new DocsPage());
    }

    /**
     * The one ingest pipeline, for POST /v1/events and for the demo: validators (content adds its
     * contentId check) and listeners (uninstalls, scores, referral webhooks) run inside the ingest transaction.
     */
    public static EventIngestService eventIngest(Jdbi jdbi, Clock clock, RelationshipRegistry relationships) {
        List<EventValidator> validators = List.of(new ContentEventValidator());
        List<AcceptedEventsListener> listeners = List.of(new UninstallListener(),
                new ScoreUpdater(jdbi, clock, new ScoringModels(), scoreChangeLog()), new ReferralListener(clock));
        return new EventIngestService(jdbi, clock, relationships, validators, listeners, new PartnerTombstones());
    }

    /** The feed of tier and stage changes with what reacts to them: webhook deliveries, in the same transaction. */
    public static ScoreChangeLog scoreChangeLog() {
        return new ScoreChangeLog(List.of(new WebhookOutbox()));
    }
}
