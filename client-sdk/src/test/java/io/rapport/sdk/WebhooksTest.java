package io.rapport.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhooksTest {
    // The example published with the Standard Webhooks specification.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Clock AT_SEND = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC);

    @Test
    void sign_reproducesTheSpecificationsExample() {
        assertThat(Webhooks.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void verify_acceptsTheSpecificationsExample_withHeaderNamesInAnyCase() {
        Map<String, List<String>> headers = Map.of("Webhook-Id", List.of(ID),
                "WEBHOOK-TIMESTAMP", List.of(String.valueOf(TIMESTAMP)), "webhook-signature", List.of(SIGNATURE));

        assertThatCode(() -> Webhooks.verify(SECRET, headers, BODY, AT_SEND)).doesNotThrowAnyException();
    }

    @Test
    void verify_acceptsAnyOfSeveralSignatures_asDuringSecretRotation() {
        String rotated = "v1,bm90IGEgcmVhbCBzaWduYXR1cmU= v2,whatever " + SIGNATURE;

        assertThatCode(() -> Webhooks.verify(SECRET, headers(rotated, TIMESTAMP), BODY, AT_SEND)).doesNotThrowAnyException();
    }

    @Test
    void verify_takesTheThreeHeaderValuesDirectlyToo() {
        assertThatCode(() -> Webhooks.verify(SECRET, ID, String.valueOf(TIMESTAMP), SIGNATURE, BODY, AT_SEND))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Webhooks.verify(SECRET, ID, null, SIGNATURE, BODY, AT_SEND))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> Webhooks.verify(SECRET, ID, String.valueOf(TIMESTAMP), SIGNATURE, BODY))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("timestamp");
    }

    @Test
    void verify_refusesAnAlteredBody() {
        assertThatThrownBy(() -> Webhooks.verify(SECRET, headers(SIGNATURE, TIMESTAMP), "{\"test\": 1}", AT_SEND))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No webhook-signature matches");
    }

    @Test
    void verify_refusesAnotherSecret() {
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString("another secret key".getBytes());

        assertThatThrownBy(() -> Webhooks.verify(other, headers(SIGNATURE, TIMESTAMP), BODY, AT_SEND))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void verify_refusesATimestampOutsideFiveMinutes_eitherWay() {
        Clock later = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 301), ZoneOffset.UTC);
        Clock earlier = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP - 301), ZoneOffset.UTC);
        Clock justInside = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 300), ZoneOffset.UTC);

        assertThatThrownBy(() -> Webhooks.verify(SECRET, headers(SIGNATURE, TIMESTAMP), BODY, later))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> Webhooks.verify(SECRET, headers(SIGNATURE, TIMESTAMP), BODY, earlier))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatCode(() -> Webhooks.verify(SECRET, headers(SIGNATURE, TIMESTAMP), BODY, justInside))
                .doesNotThrowAnyException();
    }

    @Test
    void verify_refusesMissingHeadersAndBadTimestamps() {
        assertThatThrownBy(() -> Webhooks.verify(SECRET, Map.of("webhook-id", List.of(ID)), BODY, AT_SEND))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("Missing header webhook-timestamp");
        Map<String, List<String>> badTime = Map.of("webhook-id", List.of(ID), "webhook-timestamp", List.of("yesterday"),
                "webhook-signature", List.of(SIGNATURE));
        assertThatThrownBy(() -> Webhooks.verify(SECRET, badTime, BODY, AT_SEND))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("Unix time");
    }

    @Test
    void verify_refusesASignatureOfTheWrongVersion() {
        String v2 = SIGNATURE.replace("v1,", "v2,");

        assertThatThrownBy(() -> Webhooks.verify(SECRET, headers(v2, TIMESTAMP), BODY, AT_SEND))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aSecretThatIsNotBase64_isRejectedAsAnArgument() {
        assertThatThrownBy(() -> Webhooks.sign("whsec_not base64!", ID, TIMESTAMP, BODY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, List<String>> headers(String signature, long timestamp) {
        return Map.of("webhook-id", List.of(ID), "webhook-timestamp", List.of(String.valueOf(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
