package io.rapport.server.common.auth;

import io.rapport.server.common.problem.ApiProblemException;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a rotated-out API key or install token keeps working beside its replacement: long enough to
 * deploy the new secret everywhere, never open-ended.
 */
public final class RotationWindow {
    public static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
    public static final Duration MAX_OVERLAP = Duration.ofDays(30);

    private RotationWindow() {
    }

    /** The old credential's expiry: {@code requested}, or the default overlap when null. */
    public static Instant oldExpiry(Instant requested, Instant now) {
        if (requested == null) {
            return now.plus(DEFAULT_OVERLAP);
        }
        if (requested.isBefore(now)) {
            throw ApiProblemException.invalid("oldKeyExpiresAt", "must not be in the past");
        }
        if (requested.isAfter(now.plus(MAX_OVERLAP))) {
            throw ApiProblemException.invalid("oldKeyExpiresAt", "must be at most 30 days ahead");
        }
        return requested;
    }

    /** A new credential's own expiry, when one is asked for: it must be in the future. */
    public static Instant newExpiry(Instant requested, Instant now, String field) {
        if (requested != null && !requested.isAfter(now)) {
            throw ApiProblemException.invalid(field, "must be in the future");
        }
        return requested;
    }
}
