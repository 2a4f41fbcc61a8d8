package io.rapport.server.event;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.model.EventRejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Domain records → the contract's models. */
final class EventViews {
    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
    };
    private final ObjectMapper mapper;

    EventViews(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static EventRejection toDto(io.rapport.server.event.EventRejection r) {
        return new EventRejection().index(r.index()).eventId(r.eventId()).code(r.code()).field(r.field())
                .message(r.message());
    }

    io.rapport.server.generated.model.UsageEvent toDto(UsageEvent e) {
        return new io.rapport.server.generated.model.UsageEvent()
                .eventId(e.eventId())
                .relationshipId(e.relationshipId())
                .officerId(e.officerId())
                .partnerId(e.partnerId())
                .type(e.type())
                .occurredAt(Timestamps.utc(e.occurredAt()))
                .receivedAt(Timestamps.utc(e.receivedAt()))
                .contentId(e.contentId())
                .properties(properties(e.propertiesJson()));
    }

    private Map<String, Object> properties(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, PROPERTIES);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored properties are not a JSON object", e);
        }
    }
}
