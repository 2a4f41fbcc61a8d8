package io.rapport.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.rapport.sdk.internal.invoker.ApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryRulesTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void transportFailures_areRetryable_butUnreadableAnswersAreNot() {
        assertThat(RetryRules.retryable(new ApiException(new ConnectException("refused")))).isTrue();
        assertThat(RetryRules.retryable(new ApiException(new HttpTimeoutException("read timed out")))).isTrue();
        assertThat(RetryRules.retryable(new ApiException(new JsonParseException(null, "bad json")))).isFalse();
        assertThat(RetryRules.retryable(new ApiException(new InterruptedException()))).isFalse();
        assertThat(RetryRules.retryable(new IOException("not an ApiException"))).isFalse();
    }

    @Test
    void statuses_followTheList_unlessTheServerSaysOtherwise() {
        assertThat(List.of(408, 429, 500, 502, 503, 504)).allMatch(s -> RetryRules.retryable(answer(s, Map.of())));
        assertThat(List.of(400, 401, 403, 404, 409, 412, 422, 501)).noneMatch(s -> RetryRules.retryable(answer(s, Map.of())));
        assertThat(RetryRules.retryable(answer(503, Map.of("Rapport-Should-Retry", "false")))).isFalse();
        assertThat(RetryRules.retryable(answer(409, Map.of("Rapport-Should-Retry", "true")))).isTrue();
    }

    @Test
    void retryAfter_readsSecondsAndHttpDates() {
        assertThat(RetryRules.parseRetryAfter("2", NOW)).contains(Duration.ofSeconds(2));
        assertThat(RetryRules.parseRetryAfter("Mon, 02 Mar 2026 09:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryRules.parseRetryAfter("Mon, 02 Mar 2026 08:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryRules.parseRetryAfter("-1", NOW)).isEmpty();
        assertThat(RetryRules.parseRetryAfter("soon", NOW)).isEmpty();
    }

    @Test
    void backoff_doublesFromTheInitialDelay_upToTheMaximum_scaledByJitter() {
        RetryPolicy.Settings full = settings(() -> 1.0);
        RetryPolicy.Settings half = settings(() -> 0.5);

        assertThat(RetryPolicy.backoff(1, full)).isEqualTo(500);
        assertThat(RetryPolicy.backoff(2, full)).isEqualTo(1_000);
        assertThat(RetryPolicy.backoff(7, full)).isEqualTo(30_000);
        assertThat(RetryPolicy.backoff(30, full)).isEqualTo(30_000);
        assertThat(RetryPolicy.backoff(3, half)).isEqualTo(1_000);
        assertThat(RetryPolicy.backoff(3, settings(() -> 0.0))).isZero();
    }

    private static RetryPolicy.Settings settings(java.util.function.DoubleSupplier jitter) {
        return new RetryPolicy.Settings(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60),
                new RecordingSleeper(), jitter, NOW);
    }

    private static ApiException answer(int status, Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return new ApiException(status, "failed", HttpHeaders.of(multi, (k, v) -> true), null);
    }
}
