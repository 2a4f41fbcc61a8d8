package io.rapport.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.sdk.internal.invoker.ApiClient;
import io.rapport.sdk.model.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Rapport's webhook deliveries, which follow the Standard Webhooks specification: headers
 * {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature}, a
 * space-separated list of {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}; the secret is
 * {@code whsec_<base64 key>} as shown when the subscription was created.
 *
 * <pre>{@code
 * WebhookEvent event = Webhooks.constructEvent(secret, request.headers(), rawBody); // verified, then parsed
 * if (event.getType() == WebhookEventType.SCORE_TIER_CHANGED) { ... }
 * }</pre>
 *
 * <p>Forward compatible: fields a newer server adds are ignored, and an event type or enum value this SDK
 * does not know reads as {@code UNKNOWN_DEFAULT_OPEN_API} (skip such events rather than failing them).
 *
 * <p>Secret rotation: after {@code rotateSecret}, deliveries carry a signature by the new secret and, for the
 * server's overlap (24 hours by default), one by the previous secret as well; {@link #verify} accepts a
 * delivery when any one of its signatures matches, so a receiver may switch secrets at any time in that window.
 *
 * <p>Pass the body exactly as received, before any JSON parsing. Signatures are compared in constant
 * time; a timestamp more than 5 minutes from now is refused, which bounds replays. Stateless and
 * thread-safe.
 */
public final class Webhooks {
    /** How far {@code webhook-timestamp} may be from the receiver's clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1";

    private static final ObjectMapper MAPPER = ApiClient.createDefaultObjectMapper();

    private Webhooks() {
    }

    /**
     * Verifies one delivery against the system clock (as {@link #verify}) and answers its typed body.
     *
     * @param secret  the subscription's signing secret, {@code whsec_...}
     * @param headers the request headers; names are matched without regard to case
     * @param body    the raw request body
     * @return the event
     * @throws WebhookVerificationException when the delivery is not authentic or not recent, or its body is not
     *                                      a webhook event
     * @throws IllegalArgumentException     when the secret is not a valid base64 key
     */
    public static WebhookEvent constructEvent(String secret, Map<String, ? extends List<String>> headers, String body) {
        return constructEvent(secret, headers, body, Clock.systemUTC());
    }

    static WebhookEvent constructEvent(String secret, Map<String, ? extends List<String>> headers, String body, Clock clock) {
        verify(secret, headers, body, clock);
        try {
            WebhookEvent event = MAPPER.readValue(body, WebhookEvent.class);
            if (event == null || event.getType() == null || event.getData() == null) {
                throw new WebhookVerificationException("The delivery's body has no type or data");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new WebhookVerificationException("The delivery's body is not a webhook event: " + e.getOriginalMessage());
        }
    }

    /**
     * Checks one delivery against the system clock.
     *
     * @param secret  the subscription's signing secret, {@code whsec_...} (a bare base64 key is accepted too)
     * @param headers the request headers; names are matched without regard to case
     * @param body    the raw request body
     * @throws WebhookVerificationException when the delivery is not authentic or not recent
     * @throws IllegalArgumentException     when the secret is not a valid base64 key
     */
    public static void verify(String secret, Map<String, ? extends List<String>> headers, String body) {
        verify(secret, headers, body, Clock.systemUTC());
    }

    /**
     * Checks one delivery given its three headers' values (for frameworks without a header map).
     *
     * @param secret the subscription's signing secret, {@code whsec_...}
     * @param webhookId the {@code webhook-id} header
     * @param webhookTimestamp the {@code webhook-timestamp} header
     * @param webhookSignature the {@code webhook-signature} header
     * @param body the raw request body
     * @throws WebhookVerificationException when a value is missing, or the delivery is not authentic or not recent
     * @throws IllegalArgumentException     when the secret is not a valid base64 key
     */
    public static void verify(String secret, String webhookId, String webhookTimestamp, String webhookSignature,
                              String body) {
        verify(secret, webhookId, webhookTimestamp, webhookSignature, body, Clock.systemUTC());
    }

    static void verify(String secret, Map<String, ? extends List<String>> headers, String body, Clock clock) {
        verify(secret, header(headers, "webhook-id"), header(headers, "webhook-timestamp"),
                header(headers, "webhook-signature"), body, clock);
    }

    static void verify(String secret, String id, String timestamp, String signatures, String body, Clock clock) {
        Objects.requireNonNull(body, "body");
        if (id == null || timestamp == null || signatures == null) {
            throw new WebhookVerificationException("Missing webhook-id, webhook-timestamp or webhook-signature");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("webhook-timestamp is not a Unix time in seconds");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - sentAt);
        if (skew > TOLERANCE.toSeconds()) {
            throw new WebhookVerificationException("webhook-timestamp is " + skew + " s away from now, more than "
                    + TOLERANCE.toSeconds() + " s");
        }
        byte[] expected = hmac(key(secret), id + "." + sentAt + "." + body);
        for (String candidate : signatures.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma > 0 && VERSION.equals(candidate.substring(0, comma))
                    && MessageDigest.isEqual(expected, decode(candidate.substring(comma + 1)))) {
                return;
            }
        }
        throw new WebhookVerificationException("No webhook-signature matches the body and secret");
    }

    /**
     * The {@code webhook-signature} value for a delivery: {@code v1,<base64>}. For tests of a receiver.
     *
     * @param secret the subscription's signing secret, {@code whsec_...}
     * @param id the delivery id ({@code webhook-id})
     * @param timestamp Unix seconds
     * @param body the raw request body
     * @return the value
     * @throws IllegalArgumentException when the secret is not a valid base64 key
     */
    public static String sign(String secret, String id, long timestamp, String body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(hmac(key(secret), id + "." + timestamp + "." + body));
    }

    private static String header(Map<String, ? extends List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst()
                .orElseThrow(() -> new WebhookVerificationException("Missing header " + name));
    }

    private static byte[] key(String secret) {
        Objects.requireNonNull(secret, "secret");
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The webhook secret is not whsec_ followed by base64", e);
        }
    }

    private static byte[] decode(String signature) {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0]; // not base64: cannot match, and must not end the search early
        }
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every Java runtime", e);
        }
    }
}
