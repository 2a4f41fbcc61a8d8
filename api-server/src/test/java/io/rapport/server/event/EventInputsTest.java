package io.rapport.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import io.rapport.server.generated.model.UsageEventInput;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    @Test
    void textLength_isTheLengthOfToString() {
        List<OffsetDateTime> times = new ArrayList<>(List.of(OffsetDateTime.MIN, OffsetDateTime.MAX,
                OffsetDateTime.parse("2026-03-02T10:00Z"), OffsetDateTime.parse("2026-03-02T10:00:00.000000001Z"),
                OffsetDateTime.parse("0999-12-31T23:59:59.5-00:30"), OffsetDateTime.parse("-0001-01-01T00:00:01+05:30")));
        Random random = new Random(42);
        int[] years = {-999_999_999, -100_000, -10_000, -9999, -1000, -999, -1, 0, 1, 999, 1000, 2026, 9999, 10_000,
            123_456, 999_999_999};
        int[] nanos = {0, 1, 1000, 1_000_000, 120_000_000, 123_456_000, 123_456_789, 999_999_999};
        int[] offsets = {0, 60, -3600, 5 * 3600 + 30 * 60, -(9 * 3600 + 30 * 60 + 15), 18 * 3600, -18 * 3600};
        for (int i = 0; i < 5000; i++) {
            times.add(OffsetDateTime.of(years[random.nextInt(years.length)], 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                    random.nextBoolean() ? 0 : random.nextInt(60), nanos[random.nextInt(nanos.length)],
                    ZoneOffset.ofTotalSeconds(offsets[random.nextInt(offsets.length)])));
        }

        for (OffsetDateTime time : times) {
            assertThat(EventInputs.textLength(time)).as("%s", time).isEqualTo(time.toString().length());
        }
    }

    @Test
    void propertiesWriter_writesEachMapExactlyAsTheMapperDoes() throws Exception {
        List<String> texts = List.of(
                "{\"screen\":\"home\",\"sessionSeconds\":42}",
                "{\"q\":\"say \\\"hi\\\" \\\\ back\\/slash\",\"ctl\":\"\\u0001\\n\\t\\u001f\",\"uni\":\"\\u00e9 é ✓ \\ud83d\\ude00 \\u2028\"}",
                "{\"int\":-0,\"big\":12345678901234567890,\"long\":9007199254740993,\"e\":1e3,\"small\":1.5E-7,"
                        + "\"d\":3.0,\"tenth\":0.1,\"neg\":-2.50}",
                "{\"t\":true,\"f\":false,\"n\":null,\"empty\":\"\"}",
                "{\"nested\":{\"a\":[1,2,{\"b\":null}]},\"after\":1}",
                "{\"list\":[\"x\",null],\"k\":\"v\"}",
                "{\"dup\":1,\"dup\":2}");
        ObjectMapper bigNumbers = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
        ObjectMapper writesNulls = mapper.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
        ObjectMapper dropsEmpty = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
        for (ObjectMapper m : List.of(mapper, bigNumbers, writesNulls, dropsEmpty)) {
            List<Map<String, Object>> maps = new ArrayList<>();
            for (String text : texts) {
                maps.add(m.readValue(text, new TypeReference<Map<String, Object>>() { }));
                maps.add(null);
            }

            String[] written = new PropertiesWriter(m).write(maps);

            for (int i = 0; i < maps.size(); i++) {
                assertThat(written[i]).isEqualTo(maps.get(i) == null ? null : m.writeValueAsString(maps.get(i)));
            }
        }
    }
}
