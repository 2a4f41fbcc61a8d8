package io.rapport.server.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.generated.model.UsageEventInput;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the contract's events into {@link EventInput}s. The properties are serialized once (they are
 * stored as that JSON and limited by its size); the event's size as JSON is counted from its fields
 * rather than by serializing the event again, which cost a tenth of the server's CPU per batch.
 */
final class EventInputs {
    private final PropertiesWriter properties;

    EventInputs(ObjectMapper mapper) {
        this.properties = new PropertiesWriter(mapper);
    }

    List<EventInput> of(List<UsageEventInput> events) {
        List<UsageEventInput> present = new ArrayList<>(events.size());
        List<Map<String, Object>> propertyMaps = new ArrayList<>(events.size());
        for (UsageEventInput event : events) {
            // A JSON null in the array is an event with no fields: the rules reject it, its neighbours go on.
            UsageEventInput e = event == null ? new UsageEventInput().properties(null) : event;
            present.add(e);
            propertyMaps.add(e.getProperties() == null || e.getProperties().isEmpty() ? null : e.getProperties());
        }
        String[] propertiesJson = properties.write(propertyMaps);
        List<EventInput> inputs = new ArrayList<>(events.size());
        for (int i = 0; i < present.size(); i++) {
            inputs.add(of(i, present.get(i), propertyMaps.get(i), propertiesJson[i]));
        }
        return inputs;
    }

    private static EventInput of(int index, UsageEventInput e, Map<String, Object> properties, String propertiesJson) {
        return new EventInput(index, e.getEventId(), e.getType(),
                e.getOccurredAt() == null ? null : e.getOccurredAt().toInstant(),
                e.getOfficerId(), e.getOfficerExternalId(), e.getPartnerId(), e.getPartnerExternalId(),
                e.getContentId(), properties, propertiesJson, sizeOf(e, propertiesJson));
    }

    /** Bytes of the event as compact JSON: names, quotes, separators and values (UTF-16 units for text). */
    static int sizeOf(UsageEventInput e, String propertiesJson) {
        int withCommas = field("eventId", uuid(e.getEventId())) + field("type", text(e.getType()))
                + field("occurredAt", e.getOccurredAt() == null ? 0 : textLength(e.getOccurredAt()) + 2)
                + field("officerId", uuid(e.getOfficerId())) + field("officerExternalId", text(e.getOfficerExternalId()))
                + field("partnerId", uuid(e.getPartnerId())) + field("partnerExternalId", text(e.getPartnerExternalId()))
                + field("contentId", uuid(e.getContentId()))
                + field("properties", propertiesJson == null ? 0 : propertiesJson.length());
        // Every field was counted with a trailing comma: the last one has none, and braces enclose them.
        return 2 + (withCommas == 0 ? 0 : withCommas - 1);
    }

    /** {@code "name":value,} */
    private static int field(String name, int valueLength) {
        return valueLength == 0 ? 0 : name.length() + 4 + valueLength;
    }

    /**
     * The length of {@code time.toString()}, counted from its fields: building that text for every event was
     * most of the size count's cost.
     */
    static int textLength(OffsetDateTime time) {
        int year = time.getYear();
        int absYear = Math.abs(year);
        int yearLength = absYear < 1000 ? (year < 0 ? 5 : 4) : digits(absYear) + (year < 0 || year > 9999 ? 1 : 0);
        int date = yearLength + 6;
        int second = time.getSecond();
        int nano = time.getNano();
        int clock = 5 + (second > 0 || nano > 0 ? 3 : 0) + fractionLength(nano);
        int offsetSeconds = time.getOffset().getTotalSeconds();
        int offset = offsetSeconds == 0 ? 1 : offsetSeconds % 60 == 0 ? 6 : 9;
        return date + 1 + clock + offset;
    }

    /** As {@code LocalTime.toString()}: milliseconds, microseconds or nanoseconds, whichever is exact. */
    private static int fractionLength(int nano) {
        if (nano == 0) {
            return 0;
        }
        if (nano % 1_000_000 == 0) {
            return 4;
        }
        return nano % 1000 == 0 ? 7 : 10;
    }

    private static int digits(int positive) {
        int digits = 1;
        for (int n = positive; n >= 10; n /= 10) {
            digits++;
        }
        return digits;
    }

    private static int uuid(Object id) {
        return id == null ? 0 : 38;
    }

    private static int text(String value) {
        return value == null ? 0 : value.length() + 2;
    }
}
