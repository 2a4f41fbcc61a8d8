package io.rapport.server.event;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of DESIGN §3 that need no database: sizes, required fields, the catalogue, the time window. */
final class EventRules {
    static final int MAX_EVENT_BYTES = 32 * 1024;
    static final int MAX_PROPERTIES_BYTES = 8 * 1024;
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    static final int MAX_AGE_YEARS = 2;

    private EventRules() {
    }

    /** {@code occurredAt += receivedAt − sentAt}: the client's clock error, taken out. */
    static Instant corrected(Instant occurredAt, Duration skew) {
        return occurredAt.plus(skew);
    }

    /** The first rule the event breaks, its time judged after skew correction. */
    static Optional<EventRejection> check(EventInput e, Instant receivedAt, Duration skew) {
        return Optional.ofNullable(sizes(e))
                .or(() -> Optional.ofNullable(fields(e)))
                .or(() -> Optional.ofNullable(time(e, receivedAt, skew)))
                .or(() -> Optional.ofNullable(flatness(e)));
    }

    private static EventRejection sizes(EventInput e) {
        if (e.serializedSize() > MAX_EVENT_BYTES) {
            return reject(e, "event_too_large", "event",
                    "is " + e.serializedSize() + " bytes serialized; at most " + MAX_EVENT_BYTES + " are allowed");
        }
        if (e.propertiesJson() != null && e.propertiesJson().length() > MAX_PROPERTIES_BYTES) {
            return reject(e, "properties_too_large", "properties",
                    "is " + e.propertiesJson().length() + " bytes serialized; at most " + MAX_PROPERTIES_BYTES + " are allowed");
        }
        return null;
    }

    private static EventRejection fields(EventInput e) {
        if (e.eventId() == null) {
            return missing(e, "eventId");
        }
        if (e.type() == null) {
            return missing(e, "type");
        }
        if (!EventTypes.ALL.contains(e.type())) {
            return reject(e, "unknown_event_type", "type", "is not in the event catalogue");
        }
        if (e.occurredAt() == null) {
            return missing(e, "occurredAt");
        }
        EventRejection officer = party(e, e.officerId() != null, e.officerExternalId() != null, "officer");
        return officer != null ? officer : party(e, e.partnerId() != null, e.partnerExternalId() != null, "partner");
    }

    private static EventRejection party(EventInput e, boolean byId, boolean byExternalId, String who) {
        if (!byId && !byExternalId) {
            return reject(e, "missing_field", who + "Id", "is required (or " + who + "ExternalId)");
        }
        if (byId && byExternalId) {
            return reject(e, "conflicting_fields", who + "ExternalId", "must not be sent together with " + who + "Id");
        }
        return null;
    }

    private static EventRejection time(EventInput e, Instant receivedAt, Duration skew) {
        Instant occurredAt = corrected(e.occurredAt(), skew);
        if (occurredAt.isAfter(receivedAt.plus(MAX_AHEAD))) {
            return reject(e, "occurred_in_future", "occurredAt",
                    "is more than " + MAX_AHEAD.toMinutes() + " minutes after the server's time (after skew correction)");
        }
        Instant oldest = receivedAt.atOffset(ZoneOffset.UTC).minusYears(MAX_AGE_YEARS).toInstant();
        if (occurredAt.isBefore(oldest)) {
            return reject(e, "occurred_too_long_ago", "occurredAt", "is more than " + MAX_AGE_YEARS + " years ago");
        }
        return null;
    }

    private static EventRejection flatness(EventInput e) {
        if (e.properties() == null) {
            return null;
        }
        for (Map.Entry<String, Object> property : e.properties().entrySet()) {
            if (property.getValue() instanceof Map<?, ?> || property.getValue() instanceof List<?>) {
                return reject(e, "properties_not_flat", "properties." + property.getKey(),
                        "must be a string, number, boolean or null, not an object or array");
            }
        }
        return null;
    }

    private static EventRejection missing(EventInput e, String field) {
        return reject(e, "missing_field", field, "is required");
    }

    static EventRejection reject(EventInput e, String code, String field, String message) {
        return new EventRejection(e.index(), e.eventId(), code, field, message);
    }
}
