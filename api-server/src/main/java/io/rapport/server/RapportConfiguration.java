package io.rapport.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dropwizard.core.Configuration;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.rapport.server.audit.AuditConfig;
import io.rapport.server.common.auth.AuthConfig;
import io.rapport.server.common.db.DatabaseConfig;
import io.rapport.server.common.ratelimit.RateLimitConfig;
import io.rapport.server.ops.QuietStart;
import io.rapport.server.score.ScoringConfig;
import io.rapport.server.webhook.WebhookConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything has a default, so {@code server} runs with no configuration file at all. */
public class RapportConfiguration extends Configuration {
    public RapportConfiguration() {
        // Library chatter at WARN from the very first line (Dropwizard logs its handlers before run() is called);
        // a configuration with its own 'logging' section decides for itself, and QuietStart covers the rest.
        if (getLoggingFactory() instanceof DefaultLoggingFactory logging) {
            Map<String, JsonNode> levels = new LinkedHashMap<>();
            QuietStart.CHATTY.forEach(name -> levels.put(name, TextNode.valueOf("WARN")));
            logging.setLoggers(levels);
        }
    }

    @Valid
    @NotNull
    @JsonProperty
    private DatabaseConfig database = new DatabaseConfig();

    @Valid
    @NotNull
    @JsonProperty
    private AuthConfig auth = new AuthConfig();

    @Valid
    @NotNull
    @JsonProperty
    private RateLimitConfig rateLimit = new RateLimitConfig();

    public RateLimitConfig getRateLimit() {
        return rateLimit;
    }

    public DatabaseConfig getDatabase() {
        return database;
    }

    public AuthConfig getAuth() {
        return auth;
    }

    @Valid
    @NotNull
    @JsonProperty
    private ScoringConfig scoring = new ScoringConfig();

    public ScoringConfig getScoring() {
        return scoring;
    }

    @Valid
    @NotNull
    @JsonProperty
    private WebhookConfig webhooks = new WebhookConfig();

    public WebhookConfig getWebhooks() {
        return webhooks;
    }

    @Valid
    @NotNull
    @JsonProperty
    private AuditConfig audit = new AuditConfig();

    public AuditConfig getAudit() {
        return audit;
    }
}
