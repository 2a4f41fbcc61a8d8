package io.rapport.server.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What an erase request did: {@code removed} counts rows per kind, empty when the partner was already erased. */
public record PartnerErasure(UUID partnerId, Instant erasedAt, boolean alreadyErased, Map<String, Long> removed) {
}
