package io.rapport.server.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.generated.model.UsageEventInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the contract's events into {@link EventInput}s, measuring each as JSON: the size limits are
 * about the serialized event, and the properties are stored as the JSON they serialize to.
 */
final class EventInputs {
    private final ObjectMapper mapper;

    EventInputs(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<EventInput> of(List<UsageEventInput> events) {
        List<EventInput> inputs = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            inputs.add(of(i, events.get(i)));
        }
        return inputs;
    }

    private EventInput of(int index, UsageEventInput e) {
        Map<String, Object> properties = e.getProperties() == null || e.getProperties().isEmpty() ? null : e.getProperties();
        return new EventInput(index, e.getEventId(), e.getType(),
                e.getOccurredAt() == null ? null : e.getOccurredAt().toInstant(),
                e.getOfficerId(), e.getOfficerExternalId(), e.getPartnerId(), e.getPartnerExternalId(),
                e.getContentId(), properties, properties == null ? null : json(properties), json(e).length());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Everything here was just read from JSON by the same mapper.
            throw new IllegalStateException("A parsed event could not be written back as JSON", e);
        }
    }
}
