package io.rapport.server.common.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the data lives. With no {@code url} the server runs its own embedded PostgreSQL in
 * {@code dataDir}; with one (production) it uses that server. Defaults come from the environment so
 * that {@code server} and {@code db migrate} work without a configuration file.
 */
public class DatabaseConfig {
    private static final Map<String, String> ENV = System.getenv();

    @JsonProperty
    private String url = ENV.getOrDefault("RAPPORT_DATABASE_URL", "");

    @JsonProperty
    private String user = ENV.getOrDefault("RAPPORT_DATABASE_USER", "rapport");

    @JsonProperty
    private String password = ENV.getOrDefault("RAPPORT_DATABASE_PASSWORD", "");

    @NotNull
    @JsonProperty
    private String dataDir = ENV.getOrDefault("RAPPORT_DATA_DIR", "rapport-data");

    /**
     * The embedded server's buffer cache (PostgreSQL's {@code shared_buffers}, e.g. {@code 1GB}); empty keeps
     * PostgreSQL's 128MB. Size it when the data outgrows it: every stored event inserts into the primary key on
     * a random event id, so once that index (about 62 MB per million events) no longer fits, nearly every insert
     * reads a page from outside the cache and writes a dirty one out to make room. Ignored for an external server,
     * whose administrator sizes it.
     */
    @NotNull
    @Pattern(regexp = "|[1-9][0-9]*(kB|MB|GB)", message = "must be empty or a size such as 512MB or 2GB")
    @JsonProperty
    private String sharedBuffers = ENV.getOrDefault("RAPPORT_DATABASE_SHARED_BUFFERS", "");

    /** Apply pending migrations at start; when unset: yes for the embedded server, no for an external one. */
    @JsonProperty
    private Boolean migrateOnStart;

    @Min(2)
    @Max(200)
    @JsonProperty
    private int maxPoolSize = 16;

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    public boolean migrateOnStart() {
        return migrateOnStart != null ? migrateOnStart : embedded();
    }

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** The data source to use, starting the embedded server first when no URL is configured. */
    public DataSourceFactory dataSourceFactory() {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.postgresql.Driver");
        if (embedded()) {
            EmbeddedDatabase database = EmbeddedDatabase.start(dataDir(), sharedBuffers);
            factory.setUrl(database.jdbcUrl());
            factory.setUser(EmbeddedDatabase.USER);
            factory.setPassword("");
        } else {
            factory.setUrl(url);
            factory.setUser(user);
            factory.setPassword(password);
        }
        // PostgreSQL's error detail can quote the failing row (a webhook secret among its values); keep it out
        // of exception messages, hence out of logs. The SQLSTATE and constraint name stay.
        // timestamptz in binary once a statement is prepared: PostgreSQL's text output of a timestamp (time zone
        // rules, formatting) was half its CPU per ranked read, whose rows carry fifteen of them, and the driver
        // parsed each text back; eight bytes each way instead
        factory.setProperties(Map.of("logServerErrorDetail", "false", "binaryTransferEnable", "TIMESTAMPTZ"));
        factory.setMaxSize(maxPoolSize);
        factory.setMinSize(2);
        factory.setInitialSize(2);
        factory.setValidationQuery("/* Rapport health check */ SELECT 1");
        factory.setCheckConnectionOnBorrow(false);
        factory.setCheckConnectionWhileIdle(true);
        return factory;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }
}
