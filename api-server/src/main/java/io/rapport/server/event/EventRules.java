package io.rapport.server.event;

import java.time.DateTimeException;
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
        return Optional.ofNullable(firstBroken(e, Window.of(receivedAt, skew)));
    }

    /**
     * The time window of one batch: every event of a batch is judged against the same receipt and skew, so
     * its bounds are computed once per batch rather than once per event (the two-years-back bound goes
     * through calendar arithmetic).
     */
    record Window(Duration skew, Instant latest, Instant oldest) {
        static Window of(Instant receivedAt, Duration skew) {
            return new Window(skew, receivedAt.plus(MAX_AHEAD),
                    receivedAt.atOffset(ZoneOffset.UTC).minusYears(MAX_AGE_YEARS).toInstant());
        }
    }

    /** The first rule the event breaks, or {@code null}: the rules in order, without a lambda per rule and event. */
    static EventRejection firstBroken(EventInput e, Window window) {
        EventRejection broken = sizes(e);
        if (broken == null) {
            broken = storable(e);
        }
        if (broken == null) {
            broken = fields(e);
        }
        if (broken == null) {
            broken = time(e, window);
        }
        return broken != null ? broken : flatness(e);
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

    /** PostgreSQL text and jsonb cannot hold the NUL character; refused here, it cannot fail the whole batch. */
    private static EventRejection storable(EventInput e) {
        if (hasNul(e.officerExternalId())) {
            return nul(e, "officerExternalId");
        }
        if (hasNul(e.partnerExternalId())) {
            return nul(e, "partnerExternalId");
        }
        if (hasNul(e.type())) {
            return nul(e, "type");
        }
        if (e.properties() != null) {
            for (Map.Entry<String, Object> property : e.properties().entrySet()) {
                if (hasNul(property.getKey()) || property.getValue() instanceof String text && hasNul(text)) {
                    return nul(e, "properties." + property.getKey().replace("\0", ""));
                }
            }
        }
        return null;
    }

    private static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    private static EventRejection nul(EventInput e, String field) {
        return reject(e, "invalid_character", field, "contains the NUL character (\\u0000), which cannot be stored");
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

    private static EventRejection time(EventInput e, Window window) {
        Instant occurredAt;
        try {
            occurredAt = corrected(e.occurredAt(), window.skew());
        } catch (DateTimeException | ArithmeticException outOfRange) {
            // Corrected beyond the years an Instant holds: as far in the future or past as can be.
            occurredAt = window.skew().isNegative() ? Instant.MIN : Instant.MAX;
        }
        if (occurredAt.isAfter(window.latest())) {
            return reject(e, "occurred_in_future", "occurredAt",
                    "is more than " + MAX_AHEAD.toMinutes() + " minutes after the server's time (after skew correction)");
        }
        if (occurredAt.isBefore(window.oldest())) {
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
