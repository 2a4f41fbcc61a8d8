package io.rapport.server.common.idempotency;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code idempotency_key}: a claim in progress, or a completed request and its response. */
public record IdempotencyRecord(byte[] requestHash, UUID claimToken, String state, Instant claimedAt,
                                Instant expiresAt, Integer responseStatus, String responseHeaders,
                                byte[] responseBody) {
    static final String COMPLETED = "completed";

    boolean completed() {
        return COMPLETED.equals(state);
    }
}
