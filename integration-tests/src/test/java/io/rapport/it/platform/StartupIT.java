package io.rapport.it.platform;

import static io.rapport.it.support.Fixtures.aPartner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.TestDatabases;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.Organization;
import io.rapport.sdk.model.OrganizationInput;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.Scope;
import io.rapport.server.RapportApplication;
import io.rapport.server.RapportConfiguration;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the server starts: the embedded default, and its refusal to run on a schema it does not match. */
class StartupIT {
    private static final String ADMIN_KEY = "startup-it-admin-key-0123456789";

    @Test
    void embeddedDefault_keepsDataAcrossRestarts(@TempDir Path dataDir) throws Exception {
        ConfigOverride[] embedded = overrides(
                ConfigOverride.config("database.url", ""),
                ConfigOverride.config("database.dataDir", dataDir.toString()));

        Partner created = withServer(embedded, baseUrl -> {
            try (RapportClient admin = client(baseUrl, ADMIN_KEY)) {
                Organization org = admin.organizations().create(new OrganizationInput().name("Restart Lending"));
                String key = admin.apiKeys().createFor(org.getId(), new ApiKeyInput().name("k")
                        .scopes(new LinkedHashSet<>(List.of(Scope.ADMIN)))).getSecret();
                Files.writeString(dataDir.resolve("test-key"), key);
                return aPartner().create(client(baseUrl, key));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });

        Partner afterRestart = withServer(embedded, baseUrl -> {
            try {
                return client(baseUrl, Files.readString(dataDir.resolve("test-key"))).partners().get(created.getId());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(afterRestart).isEqualTo(created);
        assertThat(dataDir.resolve("postgres")).isDirectory();
    }

    @Test
    void embeddedDefault_runsPostgresWithTheConfiguredBufferCache(@TempDir Path dataDir) {
        ConfigOverride[] embedded = overrides(
                ConfigOverride.config("database.url", ""),
                ConfigOverride.config("database.dataDir", dataDir.toString()),
                ConfigOverride.config("database.sharedBuffers", "48MB"));

        String sharedBuffers = withServer(embedded, baseUrl -> {
            // postmaster.pid's fourth line is the port the embedded server listens on
            String port = read(dataDir.resolve("postgres").resolve("postmaster.pid")).split("\n")[3].trim();
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/rapport",
                    "postgres", ""); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SHOW shared_buffers")) {
                rows.next();
                return rows.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(sharedBuffers).isEqualTo("48MB");
    }

    @Test
    void embeddedDefault_withABufferCacheThatIsNoSize_isRefused(@TempDir Path dataDir) {
        ConfigOverride[] embedded = overrides(
                ConfigOverride.config("database.url", ""),
                ConfigOverride.config("database.dataDir", dataDir.toString()),
                ConfigOverride.config("database.sharedBuffers", "lots"));

        assertThatThrownBy(() -> withServer(embedded, baseUrl -> null)).hasStackTraceContaining("sharedBuffers");
    }

    @Test
    void embeddedDefault_withoutAdminKey_generatesOneAndKeepsIt(@TempDir Path dataDir) throws Exception {
        ConfigOverride[] embedded = new ConfigOverride[] {
                ConfigOverride.config("database.url", ""),
                ConfigOverride.config("database.dataDir", dataDir.toString()),
                ConfigOverride.config("auth.adminKey", ""),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("logging.level", "WARN")};

        int organizations = withServer(embedded, baseUrl -> {
            String generated = read(dataDir.resolve("admin-key"));
            return client(baseUrl, generated).organizations().list(10, null).getItems().size();
        });

        assertThat(organizations).isZero();
        assertThat(read(dataDir.resolve("admin-key"))).startsWith("rpa_").hasSizeGreaterThan(40);
    }

    @Test
    void externalDatabase_thatWasNeverMigrated_isRefusedWithAClearMessage() {
        TestDatabases.Database database = TestDatabases.create();
        try {
            assertThatThrownBy(() -> withServer(external(database, "false"), baseUrl -> null))
                    .hasStackTraceContaining("db migrate");
        } finally {
            TestDatabases.drop(database);
        }
    }

    @Test
    void externalDatabase_withANewerSchema_isRefused() {
        TestDatabases.Database database = TestDatabases.create();
        try {
            withServer(external(database, "true"), baseUrl -> null);
            TestDatabases.execute(database, """
                    INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum)
                    VALUES ('9999-from-the-future', 'rapport', 'db/changelog/9999-future.sql', now(), 9999, 'EXECUTED', 'x')
                    """);
            assertThatThrownBy(() -> withServer(external(database, "false"), baseUrl -> null))
                    .hasStackTraceContaining("newer than this build");
        } finally {
            TestDatabases.drop(database);
        }
    }

    @Test
    void migratedExternalDatabase_startsAndReportsHealthy() {
        TestDatabases.Database database = TestDatabases.create();
        try {
            withServer(external(database, "true"), baseUrl -> null);
            String health = withSupport(external(database, "false"), support -> new RawHttp(
                    "http://localhost:" + support.getAdminPort(), null).send("GET", "/healthcheck", null, null).body());
            assertThat(health).contains("\"schema\":{\"healthy\":true").contains("\"postgresql\":{\"healthy\":true");
        } finally {
            TestDatabases.drop(database);
        }
    }

    private static ConfigOverride[] external(TestDatabases.Database database, String migrateOnStart) {
        return overrides(
                ConfigOverride.config("database.url", database.url()),
                ConfigOverride.config("database.user", database.user()),
                ConfigOverride.config("database.password", database.password()),
                ConfigOverride.config("database.migrateOnStart", migrateOnStart));
    }

    private static ConfigOverride[] overrides(ConfigOverride... specific) {
        List<ConfigOverride> all = new ArrayList<>(List.of(specific));
        all.add(ConfigOverride.config("auth.adminKey", ADMIN_KEY));
        all.add(ConfigOverride.config("server.applicationConnectors[0].port", "0"));
        all.add(ConfigOverride.config("server.adminConnectors[0].port", "0"));
        all.add(ConfigOverride.config("logging.level", "WARN"));
        return all.toArray(ConfigOverride[]::new);
    }

    private static <T> T withServer(ConfigOverride[] overrides, Function<String, T> work) {
        return withSupport(overrides, support -> work.apply("http://localhost:" + support.getLocalPort()));
    }

    private static <T> T withSupport(ConfigOverride[] overrides, SupportWork<T> work) {
        DropwizardTestSupport<RapportConfiguration> support =
                new DropwizardTestSupport<>(RapportApplication.class, (String) null, overrides);
        try {
            support.before();
            return work.apply(support);
        } catch (Exception e) {
            throw new IllegalStateException("The server did not run: " + e.getMessage(), e);
        } finally {
            support.after();
        }
    }

    @FunctionalInterface
    private interface SupportWork<T> {
        T apply(DropwizardTestSupport<RapportConfiguration> support) throws Exception;
    }

    private static RapportClient client(String baseUrl, String key) {
        return RapportClient.builder().baseUrl(baseUrl).apiKey(key).build();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
