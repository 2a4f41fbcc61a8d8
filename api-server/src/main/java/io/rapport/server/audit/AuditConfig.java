package io.rapport.server.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/** {@code audit:} in the configuration. */
public class AuditConfig {
    /** How long entries are kept; older ones are purged every few minutes on each node. */
    @NotNull
    @JsonProperty
    private io.dropwizard.util.Duration retention = io.dropwizard.util.Duration.days(365);

    public java.time.Duration retention() {
        return retention.toJavaDuration();
    }
}
