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

    /** How long a node's hold on a rescore job lasts unless renewed by its next step. */
    @NotNull
    @JsonProperty
    private Duration rescoreLease = Duration.minutes(5);

    /** How often each node looks for rescore jobs nobody holds (left by a stopped or dead node). */
    @NotNull
    @JsonProperty
    private Duration rescorePollInterval = Duration.seconds(15);

    public java.time.Duration rescoreLease() {
        return rescoreLease.toJavaDuration();
    }

    public java.time.Duration rescorePollInterval() {
        return rescorePollInterval.toJavaDuration();
    }

    public int rescoreChunkSize() {
        return rescoreChunkSize;
    }

    public java.time.Duration sweepInterval() {
        return sweepInterval.toJavaDuration();
    }
}
