package io.rapport.server.common.ratelimit;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/**
 * Requests per API key: a token bucket refilled at {@code requestsPerSecond} holding at most
 * {@code burst} tokens. The defaults are generous: they stop a runaway loop, not an integration.
 */
public class RateLimitConfig {
    @JsonProperty
    private boolean enabled = true;

    @Min(1)
    @JsonProperty
    private int requestsPerSecond = 100;

    @Min(1)
    @JsonProperty
    private int burst = 200;

    public boolean enabled() {
        return enabled;
    }

    public int requestsPerSecond() {
        return requestsPerSecond;
    }

    public int burst() {
        return burst;
    }
}
