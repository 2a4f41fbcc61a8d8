package io.rapport.server.event;

import java.util.UUID;

/**
 * Why one event of a batch was not stored. {@code code} is part of the API contract: never rename one.
 * {@code field} names the offending field of the event ({@code event} for the event as a whole).
 */
public record EventRejection(int index, UUID eventId, String code, String field, String message) {
}
