package io.rapport.server.score;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code scoring:} settings. */
public class ScoringConfig {
    @NotNull
    @JsonProperty
    private Duration sweepInterval = Duration.minutes(1);

    /** Relationships per rescore step: each step is one short transaction holding the model row. */
    @Min(1)
    @JsonProperty
    private int rescoreChunkSize = 500;

    public int rescoreChunkSize() {
        return rescoreChunkSize;
    }

    public java.time.Duration sweepInterval() {
        return java.time.Duration.ofMillis(sweepInterval.toMilliseconds());
    }
}
