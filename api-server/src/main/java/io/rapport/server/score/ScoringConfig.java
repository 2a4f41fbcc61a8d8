package io.rapport.server.score;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/** {@code scoring:} settings. */
public class ScoringConfig {
    @NotNull
    @JsonProperty
    private Duration sweepInterval = Duration.minutes(1);

    public java.time.Duration sweepInterval() {
        return java.time.Duration.ofMillis(sweepInterval.toMilliseconds());
    }
}
