package io.rapport.server.content;

import java.time.Instant;
import java.util.UUID;

/** An officer photo's description: what a 304 needs, without the bytes. */
public record PhotoInfo(UUID orgId, UUID officerId, String contentType, int width, int height, int sizeBytes,
                        String etag, Instant updatedAt) {
}
