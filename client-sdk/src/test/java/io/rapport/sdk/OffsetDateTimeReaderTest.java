package io.rapport.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import io.rapport.sdk.internal.invoker.ApiClient;
import io.rapport.sdk.model.ScoredPartner;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class OffsetDateTimeReaderTest {
    /** Every shape the fast path reads, and many it must leave to Jackson (accepted or rejected there). */
    private static final List<String> TEXTS = List.of(
            "2026-11-25T09:30:00Z", "2026-11-25T09:30:00.1Z", "2026-11-25T09:30:00.123Z",
            "2026-11-25T09:30:00.123456Z", "2026-11-25T09:30:00.123456789Z", "2026-11-25T09:30:00+02:00",
            "2026-11-25T09:30:00.5-05:30", "2026-11-25T23:59:59-00:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999+18:00",
            "2024-02-29T12:00:00Z", "1970-01-01T00:00:00+00:00",
            // Jackson's to decide:
            "2026-11-25T09:30Z", "2026-11-25t09:30:00z", " 2026-11-25T09:30:00Z ", "2026-11-25T09:30:00.Z",
            "2026-11-25T09:30:00.1234567891Z", "2026-11-25T09:30:00+0200", "2026-11-25T09:30:00+02",
            "2026-11-25T09:30:00+02:00:30", "2026-11-25T09:30:00", "2026-11-25", "2026-02-30T09:30:00Z",
            "2025-02-29T09:30:00Z", "2026-13-01T09:30:00Z", "2026-11-25T24:00:00Z", "2026-11-25T09:60:00Z",
            "2026-11-25T09:30:60Z", "2026-11-25T09:30:00+19:00", "2026-11-25T09:30:00+02:60", "+12026-11-25T09:30:00Z",
            "2026-11-25T09:30:00Z[UTC]", "2026-11-25T09:30:00\u0660Z", "１２３４-11-25T09:30:00Z", "", "   ",
            "not a time", "1700000000", "1700000000.5", "2026-11-25X09:30:00Z", "2026-11-25T09:30:00*02:00");

    @Test
    void readsExactlyWhatJacksonReads_andFailsExactlyAsItFails() {
        for (boolean adjust : new boolean[] {true, false}) {
            for (String zone : List.of("UTC", "America/New_York", "Asia/Kolkata")) {
                ObjectMapper jackson = mapper(adjust, zone);
                ObjectMapper fast = mapper(adjust, zone);
                fast.registerModule(OffsetDateTimeReader.module());
                for (String text : TEXTS) {
                    String json = "\"" + text + "\"";
                    assertThat(read(fast, json)).as("%s (adjust %s, zone %s)", text, adjust, zone)
                            .isEqualTo(read(jackson, json));
                }
                for (String json : List.of("null", "1700000000", "1700000000.25", "[\"2026-11-25T09:30:00Z\"]", "{}")) {
                    assertThat(read(fast, json)).as(json).isEqualTo(read(jackson, json));
                }
            }
        }
    }

    @Test
    void theClientsShapesTakeTheFastPath() {
        for (String text : TEXTS.subList(0, 12)) {
            assertThat(OffsetDateTimeReader.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
        }
        for (String text : TEXTS.subList(12, TEXTS.size())) {
            assertThat(OffsetDateTimeReader.parse(text)).as(text).isNull();
        }
    }

    /** Jackson asks the reader for a per-property instance; without a @JsonFormat it must keep the fast one. */
    @Test
    void theSdksBeansReadTheirTimesThroughTheFastReader() throws Exception {
        ObjectMapper fast = ApiClient.createDefaultObjectMapper().registerModule(OffsetDateTimeReader.module());
        DefaultDeserializationContext ctxt = ((DefaultDeserializationContext) fast.getDeserializationContext())
                .createDummyInstance(fast.getDeserializationConfig());
        BeanDeserializerBase bean = (BeanDeserializerBase) ctxt.findRootValueDeserializer(
                fast.constructType(ScoredPartner.class));

        assertThat(bean.findProperty("lastActivityAt").getValueDeserializer()).isInstanceOf(OffsetDateTimeReader.class);
    }

    /** The SDK's own mapper, with the context time zone and adjustment varied. */
    private static ObjectMapper mapper(boolean adjust, String zone) {
        return ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, adjust)
                .setTimeZone(TimeZone.getTimeZone(zone));
    }

    /** The value and its text (so offsets count), or the failure's type and message. */
    private static String read(ObjectMapper mapper, String json) {
        try {
            OffsetDateTime value = mapper.readValue(json, OffsetDateTime.class);
            return value == null ? "null" : value.toString();
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
