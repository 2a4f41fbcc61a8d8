package io.rapport.server.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code webhooks:} settings. */
public class WebhookConfig {
    /**
     * Allows targets on private, loopback and link-local addresses, and plain http. Off in production
     * (a subscription must not become a way into the server's own network); on for local receivers in
     * development and tests.
     */
    @JsonProperty
    private boolean allowPrivateTargets = false;

    /** How often each node looks for due deliveries. */
    @NotNull
    @JsonProperty
    private Duration pollInterval = Duration.seconds(2);

    @NotNull
    @JsonProperty
    private Duration connectTimeout = Duration.seconds(3);

    /** How long a receiver has to answer; longer counts as a failed attempt. */
    @NotNull
    @JsonProperty
    private Duration readTimeout = Duration.seconds(10);

    /** Deliveries claimed per pass; sent concurrently. */
    @Min(1)
    @Max(1000)
    @JsonProperty
    private int batchSize = 50;

    /** Attempts per delivery before it is marked failed (with the default backoff, about a day). */
    @Min(1)
    @Max(30)
    @JsonProperty
    private int maxAttempts = RetrySchedule.DEFAULT_MAX_ATTEMPTS;

    /** Sustained failure: at least this many failed attempts in a row ... */
    @Min(1)
    @JsonProperty
    private int disableAfterFailures = 20;

    /** ... spanning at least this long, with no success in between, disables the subscription. */
    @NotNull
    @JsonProperty
    private Duration disableAfter = Duration.days(3);

    /** How long a rotated-out signing secret keeps signing beside the new one. */
    @NotNull
    @JsonProperty
    private Duration secretRotationOverlap = Duration.hours(24);

    public java.time.Duration secretRotationOverlap() {
        return secretRotationOverlap.toJavaDuration();
    }

    /** How long succeeded and failed deliveries (and their attempts) are kept, to list and redeliver. */
    @NotNull
    @JsonProperty
    private Duration retention = Duration.days(30);

    public java.time.Duration retention() {
        return retention.toJavaDuration();
    }

    public boolean allowPrivateTargets() {
        return allowPrivateTargets;
    }

    public java.time.Duration pollInterval() {
        return pollInterval.toJavaDuration();
    }

    public java.time.Duration connectTimeout() {
        return connectTimeout.toJavaDuration();
    }

    public java.time.Duration readTimeout() {
        return readTimeout.toJavaDuration();
    }

    public int batchSize() {
        return batchSize;
    }

    public RetrySchedule retrySchedule() {
        return new RetrySchedule(maxAttempts);
    }

    public FailureRule failureRule() {
        return new FailureRule(disableAfterFailures, disableAfter.toJavaDuration());
    }
}
