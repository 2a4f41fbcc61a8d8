package io.rapport.server.event;

import io.rapport.server.common.problem.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursor of a timeline: the (occurredAt, eventId) of the last event of the previous
 * page. Timelines are ordered by time, not id, so the id-only {@code Cursor} does not fit.
 */
record TimelineCursor(Instant occurredAt, UUID eventId) {

    static String after(UsageEvent last) {
        String raw = last.occurredAt().getEpochSecond() + "." + last.occurredAt().getNano() + ":" + last.eventId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position to continue after, or null for the first page. */
    static TimelineCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int dot = raw.indexOf('.');
            int colon = raw.indexOf(':');
            Instant at = Instant.ofEpochSecond(Long.parseLong(raw.substring(0, dot)),
                    Long.parseLong(raw.substring(dot + 1, colon)));
            return new TimelineCursor(at, UUID.fromString(raw.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw ApiProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
