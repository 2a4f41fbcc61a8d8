package io.rapport.server.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One event as the client sent it, before any rule is applied: any field may be missing.
 * {@code serializedSize} is the event's size as JSON, {@code propertiesJson} its properties as JSON.
 */
public record EventInput(int index, UUID eventId, String type, Instant occurredAt,
                         UUID officerId, String officerExternalId, UUID partnerId, String partnerExternalId,
                         UUID contentId, Map<String, Object> properties, String propertiesJson, int serializedSize) {

    /** An install token may leave out its own officer and partner. */
    EventInput defaultingTo(UUID officer, UUID partner) {
        boolean noOfficer = officerId == null && officerExternalId == null;
        boolean noPartner = partnerId == null && partnerExternalId == null;
        if (!noOfficer && !noPartner) {
            return this;
        }
        return new EventInput(index, eventId, type, occurredAt, noOfficer ? officer : officerId, officerExternalId,
                noPartner ? partner : partnerId, partnerExternalId, contentId, properties, propertiesJson, serializedSize);
    }
}
