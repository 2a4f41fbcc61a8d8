package io.rapport.server.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.dropwizard.jackson.Jackson;
import io.rapport.server.generated.model.NextStep;
import io.rapport.server.generated.model.NextStepCode;
import io.rapport.server.generated.model.ScoredPartner;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OffsetDateTimeWriterTest {
    private final ObjectMapper jackson = serversMapper();
    private final ObjectMapper sdk = serversMapper();

    OffsetDateTimeWriterTest() {
        OffsetDateTimeWriter.install(sdk);
    }

    /** Dropwizard's mapper with the settings RapportApplication gives it. */
    private static ObjectMapper serversMapper() {
        return Jackson.newObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.ALWAYS));
    }

    @Test
    void format_isIsoOffsetDateTime_forEveryShapeOfValue() {
        for (OffsetDateTime time : times()) {
            assertThat(OffsetDateTimeWriter.format(time)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        }
    }

    @Test
    void theServersMapper_usesIt_andWritesWhatJacksonsSerializerWrites() throws Exception {
        assertThat(sdk.getSerializerProviderInstance().findValueSerializer(OffsetDateTime.class))
                .isInstanceOf(OffsetDateTimeWriter.class);
        for (OffsetDateTime time : times()) {
            ScoredPartner item = new ScoredPartner().partnerId(UUID.randomUUID()).lastActivityAt(time)
                    .nextStep(new NextStep().code(NextStepCode.CHECK_IN).factAt(time));
            assertThat(sdk.writeValueAsString(item)).isEqualTo(jackson.writeValueAsString(item));
        }
    }

    @Test
    void withTimestampsOrAnExplicitTimeZone_jacksonsSerializerWrites() throws Exception {
        OffsetDateTime time = OffsetDateTime.parse("2026-03-02T10:00:07.120+02:00");
        for (ObjectMapper[] pair : List.of(
                new ObjectMapper[] {jackson.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
                    sdk.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)},
                new ObjectMapper[] {jackson.copy().setTimeZone(TimeZone.getTimeZone("America/Chicago")),
                    sdk.copy().setTimeZone(TimeZone.getTimeZone("America/Chicago"))})) {
            assertThat(pair[1].writeValueAsString(time)).isEqualTo(pair[0].writeValueAsString(time));
        }
    }

    private static List<OffsetDateTime> times() {
        List<OffsetDateTime> times = new ArrayList<>(List.of(OffsetDateTime.MIN, OffsetDateTime.MAX,
                OffsetDateTime.parse("2026-03-02T10:00Z"), OffsetDateTime.parse("2026-03-02T10:00:00.000000001Z"),
                OffsetDateTime.parse("0999-12-31T23:59:59.5-00:30"), OffsetDateTime.parse("-0001-01-01T00:00:01+05:30")));
        Random random = new Random(7);
        int[] years = {-999_999_999, -100_000, -10_000, -9999, -1000, -999, -1, 0, 1, 999, 1000, 2026, 9999, 10_000,
            123_456, 999_999_999};
        int[] nanos = {0, 1, 10, 1000, 1_000_000, 100_000_000, 120_000_000, 123_456_000, 123_456_789, 999_999_999};
        int[] offsets = {0, 60, -3600, 5 * 3600 + 30 * 60, -(9 * 3600 + 30 * 60 + 15), 18 * 3600, -18 * 3600};
        for (int i = 0; i < 5000; i++) {
            times.add(OffsetDateTime.of(years[random.nextInt(years.length)], 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                    random.nextBoolean() ? 0 : random.nextInt(60), nanos[random.nextInt(nanos.length)],
                    ZoneOffset.ofTotalSeconds(offsets[random.nextInt(offsets.length)])));
        }
        return times;
    }
}
