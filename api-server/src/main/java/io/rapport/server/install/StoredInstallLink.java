package io.rapport.server.install;

import java.time.Instant;
import java.util.UUID;

/** An install link as stored, with what its exchange must check. */
public record StoredInstallLink(UUID installId, Instant expiresAt, Instant usedAt, String installStatus,
                                String orgStatus) {
}
