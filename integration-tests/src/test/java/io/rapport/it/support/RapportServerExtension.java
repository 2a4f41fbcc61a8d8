package io.rapport.it.support;

import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.Organization;
import io.rapport.sdk.model.OrganizationInput;
import io.rapport.sdk.model.Scope;
import io.rapport.server.RapportApplication;
import io.rapport.server.RapportConfiguration;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real Rapport application (Dropwizard's test support, as DropwizardAppExtension does) on
 * a fresh PostgreSQL database for one test class, and hands out SDK clients for it.
 *
 * <pre>{@code @RegisterExtension static final RapportServerExtension SERVER = new RapportServerExtension();}</pre>
 */
public class RapportServerExtension implements BeforeAllCallback, AfterAllCallback {
    public static final String ADMIN_KEY = "it-platform-admin-key-0123456789";

    private final Clock clock;
    private final Map<String, String> extraSettings = new LinkedHashMap<>();
    private TestDatabases.Database database;
    private DropwizardTestSupport<RapportConfiguration> support;
    private Map<String, String> settings;
    private Consumer<TestDatabases.Database> beforeStart = database -> { };

    public RapportServerExtension() {
        this(Clock.systemUTC());
    }

    /** A server whose every notion of "now" comes from {@code clock}. */
    public RapportServerExtension(Clock clock) {
        this.clock = clock;
    }

    /**
     * Sets one configuration value, e.g. {@code with("scoring.sweepInterval", "1h")}; it replaces the
     * extension's default for the same key (Dropwizard applies overrides in no guaranteed order, so a
     * key must never be given twice).
     */
    public RapportServerExtension with(String key, String value) {
        extraSettings.put(key, value);
        return this;
    }

    /** Prepares the fresh database before the server starts on it (and migrates it): e.g. an older schema with data. */
    public RapportServerExtension beforeStart(Consumer<TestDatabases.Database> preparation) {
        this.beforeStart = preparation;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        database = TestDatabases.create();
        beforeStart.accept(database);
        settings = new LinkedHashMap<>();
        settings.put("database.url", database.url());
        settings.put("database.user", database.user());
        settings.put("database.password", database.password());
        settings.put("database.migrateOnStart", "true");
        settings.put("auth.adminKey", ADMIN_KEY);
        settings.put("server.applicationConnectors[0].port", "0");
        settings.put("server.adminConnectors[0].port", "0");
        settings.put("logging.level", "WARN");
        // Tests hammer one key from many threads; RateLimitIT switches the limiter back on.
        settings.put("rateLimit.enabled", "false");
        // Webhook receivers in tests listen on localhost; WebhookTargetsIT switches the refusal back on.
        settings.put("webhooks.allowPrivateTargets", "true");
        settings.putAll(extraSettings);
        support = start(settings);
    }

    private DropwizardTestSupport<RapportConfiguration> start(Map<String, String> nodeSettings) throws Exception {
        ConfigOverride[] overrides = nodeSettings.entrySet().stream()
                .map(e -> ConfigOverride.config(e.getKey(), e.getValue()))
                .toArray(ConfigOverride[]::new);
        DropwizardTestSupport<RapportConfiguration> node = new DropwizardTestSupport<>(RapportApplication.class,
                (String) null, overrides) {
            @Override
            public Application<RapportConfiguration> newApplication() {
                return new RapportApplication(clock);
            }
        };
        node.before();
        return node;
    }

    /**
     * Another node of the same deployment: the same database, clock and settings, its own ports. The
     * caller stops it ({@link Node#close()}), which is how a test stops a node while the first runs on.
     */
    public Node anotherNode() throws Exception {
        Map<String, String> nodeSettings = new LinkedHashMap<>(settings);
        nodeSettings.put("database.migrateOnStart", "false");
        return new Node(start(nodeSettings));
    }

    /** A node started by {@link #anotherNode()}. */
    public static final class Node implements AutoCloseable {
        private final DropwizardTestSupport<RapportConfiguration> support;
        private boolean stopped;

        private Node(DropwizardTestSupport<RapportConfiguration> support) {
            this.support = support;
        }

        public RapportClient client(String apiKey) {
            return RapportClient.builder().baseUrl("http://localhost:" + support.getLocalPort()).apiKey(apiKey).build();
        }

        public <T> T managed(Class<T> type) {
            return managedOf(support, type);
        }

        /** Stops the node as a deployment would: managed objects stopped, then the server. */
        @Override
        public void close() {
            if (!stopped) {
                stopped = true;
                support.after();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (support != null) {
            support.after();
        }
        if (database != null) {
            TestDatabases.drop(database);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + support.getLocalPort();
    }

    public int adminPort() {
        return support.getAdminPort();
    }

    /** The server's managed object of this type (e.g. to set a test seam on it). */
    public <T> T managed(Class<T> type) {
        return managedOf(support, type);
    }

    private static <T> T managedOf(DropwizardTestSupport<RapportConfiguration> support, Class<T> type) {
        return support.getEnvironment().lifecycle().getManagedObjects().stream()
                .filter(io.dropwizard.lifecycle.JettyManaged.class::isInstance)
                .map(m -> ((io.dropwizard.lifecycle.JettyManaged) m).getManaged())
                .filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    public TestDatabases.Database database() {
        return database;
    }

    public RapportClient client(String apiKey) {
        return RapportClient.builder().baseUrl(baseUrl()).apiKey(apiKey).build();
    }

    public RapportClient admin() {
        return client(ADMIN_KEY);
    }

    /** A new organization with an all-powerful ({@code admin}) key. */
    public TestOrg newOrg() {
        return newOrg(Scope.ADMIN);
    }

    /** A new organization, and a key for it with exactly these scopes. */
    public TestOrg newOrg(Scope... scopes) {
        try (RapportClient admin = admin()) {
            Organization org = admin.organizations().create(new OrganizationInput().name("Org " + UUID.randomUUID()));
            String secret = admin.apiKeys().createFor(org.getId(),
                    new ApiKeyInput().name("test key").scopes(new java.util.LinkedHashSet<>(List.of(scopes)))).getSecret();
            return new TestOrg(org.getId(), secret, client(secret), this);
        }
    }
}
