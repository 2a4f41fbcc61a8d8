package io.rapport.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventRulesTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static EventInput event(Instant occurredAt, Map<String, Object> properties, String propertiesJson, int size) {
        return new EventInput(7, UUID.randomUUID(), "app_opened", occurredAt, UUID.randomUUID(), null,
                null, "crm-9", null, properties, propertiesJson, size);
    }

    private static String codeOf(EventInput e, Duration skew) {
        return EventRules.check(e, NOW, skew).map(EventRejection::code).orElse("ok");
    }

    @Test
    void check_acceptsAnEventInsideTheWindow() {
        assertThat(EventRules.check(event(NOW.minusSeconds(3), null, null, 200), NOW, Duration.ZERO)).isEmpty();
    }

    @Test
    void timeWindow_isJudgedAfterSkewCorrection() {
        Instant deviceAhead = NOW.plus(Duration.ofHours(1));
        Duration skew = Duration.between(deviceAhead, NOW);

        assertThat(codeOf(event(deviceAhead.minusSeconds(1), null, null, 200), Duration.ZERO)).isEqualTo("occurred_in_future");
        assertThat(codeOf(event(deviceAhead.minusSeconds(1), null, null, 200), skew)).isEqualTo("ok");
        assertThat(EventRules.corrected(deviceAhead.minusSeconds(1), skew)).isEqualTo(NOW.minusSeconds(1));
        assertThat(codeOf(event(NOW.minus(Duration.ofDays(800)), null, null, 200), Duration.ZERO))
                .isEqualTo("occurred_too_long_ago");
    }

    @Test
    void sizeLimits_comeFirst_eventBeforeProperties() {
        String big = "x".repeat(EventRules.MAX_PROPERTIES_BYTES + 1);
        assertThat(codeOf(event(NOW, Map.of("a", "b"), big, EventRules.MAX_EVENT_BYTES + 1), Duration.ZERO))
                .isEqualTo("event_too_large");
        assertThat(codeOf(event(NOW, Map.of("a", "b"), big, EventRules.MAX_EVENT_BYTES), Duration.ZERO))
                .isEqualTo("properties_too_large");
    }

    @Test
    void rejection_carriesIndexEventIdAndField() {
        EventInput e = event(NOW, Map.of("nested", Map.of()), "{\"nested\":{}}", 300);

        EventRejection rejection = EventRules.check(e, NOW, Duration.ZERO).orElseThrow();

        assertThat(rejection).isEqualTo(new EventRejection(7, e.eventId(), "properties_not_flat", "properties.nested",
                rejection.message()));
    }

    @Test
    void nulCharacters_whichPostgresCannotStore_rejectTheEventOnly() {
        EventInput inValue = event(NOW, Map.of("note", "a\0b"), "{}", 100);
        EventInput inKey = event(NOW, Map.of("k\0", "v"), "{}", 100);
        EventInput inExternalId = new EventInput(0, UUID.randomUUID(), "app_opened", NOW, null, "lo\0", UUID.randomUUID(),
                null, null, null, null, 100);

        assertThat(EventRules.check(inValue, NOW, Duration.ZERO)).get()
                .extracting(EventRejection::code, EventRejection::field).containsExactly("invalid_character", "properties.note");
        assertThat(EventRules.check(inKey, NOW, Duration.ZERO)).get()
                .extracting(EventRejection::code, EventRejection::field).containsExactly("invalid_character", "properties.k");
        assertThat(EventRules.check(inExternalId, NOW, Duration.ZERO)).get()
                .extracting(EventRejection::code, EventRejection::field).containsExactly("invalid_character", "officerExternalId");
        assertThat(codeOf(event(NOW, Map.of("note", "backslash-u \\u0000 as text"), "{}", 100), Duration.ZERO)).isEqualTo("ok");
    }

    @Test
    void installDefaults_fillOnlyWhatIsMissing() {
        UUID officer = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        EventInput named = event(NOW, null, null, 100);

        EventInput defaulted = named.defaultingTo(officer, partner);

        assertThat(defaulted.officerId()).isEqualTo(named.officerId());
        assertThat(defaulted.partnerId()).isNull();
        assertThat(defaulted.partnerExternalId()).isEqualTo("crm-9");
        EventInput bare = new EventInput(0, UUID.randomUUID(), "app_opened", NOW, null, null, null, null, null, null, null, 90);
        assertThat(bare.defaultingTo(officer, partner)).extracting(EventInput::officerId, EventInput::partnerId)
                .containsExactly(officer, partner);
    }
}
