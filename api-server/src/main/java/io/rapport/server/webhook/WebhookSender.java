package io.rapport.server.webhook;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends one delivery as a Standard Webhooks request. Redirects are not followed (a redirect could lead to
 * a refused address); the target is checked again after DNS resolution, just before sending.
 */
final class WebhookSender {
    private final HttpClient http;
    private final Duration readTimeout;
    private final Clock clock;
    private final TargetPolicy targets;

    WebhookSender(WebhookConfig config, Clock clock, TargetPolicy targets) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = config.readTimeout();
        this.clock = clock;
        this.targets = targets;
    }

    /** Completes (never exceptionally) with the outcome, once the receiver answers or the attempt fails. */
    CompletableFuture<AttemptOutcome> send(ClaimedDelivery delivery) {
        long started = System.nanoTime();
        URI uri = URI.create(delivery.url());
        Optional<String> refusal = targets.refusal(uri);
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(AttemptOutcome.failed("target refused: " + refusal.get(), millisSince(started)));
        }
        String id = delivery.deliveryId().toString();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Rapport-Webhooks/0.1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures(delivery, id, timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null
                        ? AttemptOutcome.answered(response.statusCode(), millisSince(started))
                        : AttemptOutcome.failed(describe(failure), millisSince(started)));
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "timeout: " + cause.getMessage();
        }
        if (cause instanceof ConnectException) {
            return "connection failed" + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** By the current secret and, during a rotation's overlap, by the previous one too (space-separated). */
    private static String signatures(ClaimedDelivery delivery, String id, long timestamp) {
        String current = SigningSecrets.sign(delivery.secret(), id, timestamp, delivery.body());
        return delivery.previousSecret() == null ? current
                : current + " " + SigningSecrets.sign(delivery.previousSecret(), id, timestamp, delivery.body());
    }
}
