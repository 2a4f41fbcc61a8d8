package io.rapport.server.event;

import java.util.UUID;

/** An officer or partner as event resolution needs it. */
public record Party(UUID id, String externalId, boolean active) {
}
