package io.rapport.server.content;

import java.time.Instant;
import java.util.UUID;

/** A stored image's description (an officer's photo, a partner's logo): what a 304 needs, without the bytes. */
public record PhotoInfo(UUID orgId, UUID ownerId, String contentType, int width, int height, int sizeBytes,
                        String etag, Instant updatedAt) {
}
