package io.rapport.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import io.rapport.server.generated.model.UsageEventInput;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventInputsTest {
    private final ObjectMapper mapper = Jackson.newObjectMapper()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Test
    void sizeOf_matchesTheEventSerializedAsCompactJson() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("channel", "sms");
        properties.put("count", 3);
        UsageEventInput full = new UsageEventInput().eventId(UUID.randomUUID()).type("content_shared")
                .occurredAt(OffsetDateTime.parse("2026-03-02T10:00:07.123Z")).officerId(UUID.randomUUID())
                .partnerExternalId("crm-partner-77").contentId(UUID.randomUUID()).properties(properties);
        UsageEventInput bare = new UsageEventInput().type("app_opened").officerExternalId("lo-1").properties(null);

        for (UsageEventInput event : List.of(full, bare)) {
            String propertiesJson = event.getProperties() == null ? null : mapper.writeValueAsString(event.getProperties());
            assertThat(EventInputs.sizeOf(event, propertiesJson)).isEqualTo(mapper.writeValueAsString(event).length());
        }
    }

    @Test
    void of_keepsIndexes_andTreatsEmptyPropertiesAsNone() {
        List<EventInput> inputs = new EventInputs(mapper).of(List.of(
                new UsageEventInput().type("app_opened"),
                new UsageEventInput().type("app_opened").putPropertiesItem("k", true)));

        assertThat(inputs).extracting(EventInput::index).containsExactly(0, 1);
        assertThat(inputs.get(0).propertiesJson()).isNull();
        assertThat(inputs.get(1).propertiesJson()).isEqualTo("{\"k\":true}");
    }
}
