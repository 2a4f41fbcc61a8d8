package io.rapport.server.event;

import java.util.UUID;

/** An officer × partner pair, the natural key of a relationship. */
public record Pair(UUID officerId, UUID partnerId) {
}
