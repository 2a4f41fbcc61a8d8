package io.rapport.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.TestOrg;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A burst of 3 and 1 request/s, on a clock the test moves: no test here waits for real time. */
class RateLimitIT {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("rateLimit.enabled", "true")
            .with("rateLimit.burst", "3")
            .with("rateLimit.requestsPerSecond", "1");

    @Test
    void aKeyOverItsRate_gets429WithRetryAfter_andRateLimitHeaders() {
        RawHttp http = http(newOrg());
        HttpResponse<String> first = http.get("/v1/partners");
        http.get("/v1/partners");
        http.get("/v1/partners");

        HttpResponse<String> limited = http.get("/v1/partners");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit-Limit")).contains("3");
        assertThat(first.headers().firstValue("RateLimit-Remaining")).contains("2");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("\"code\":\"rate_limited\"");
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(limited.headers().firstValue("RateLimit-Remaining")).contains("0");
        assertThat(limited.headers().firstValue("RateLimit-Reset")).contains("3");
        assertThat(limited.headers().firstValue("Rapport-Should-Retry")).contains("true");
    }

    @Test
    void theBucketRefillsWithTime() {
        RawHttp http = http(newOrg());
        for (int i = 0; i < 3; i++) {
            http.get("/v1/partners");
        }
        assertThat(http.get("/v1/partners").statusCode()).isEqualTo(429);

        CLOCK.advance(Duration.ofSeconds(1));

        assertThat(http.get("/v1/partners").statusCode()).isEqualTo(200);
        assertThat(http.get("/v1/partners").statusCode()).isEqualTo(429);
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        RawHttp one = http(newOrg());
        RawHttp other = http(newOrg());
        for (int i = 0; i < 3; i++) {
            one.get("/v1/partners");
        }

        assertThat(one.get("/v1/partners").statusCode()).isEqualTo(429);
        assertThat(other.get("/v1/partners").statusCode()).isEqualTo(200);
    }

    @Test
    void theContract_isNotLimited() {
        RawHttp anonymous = new RawHttp(SERVER.baseUrl(), "none");
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.get("/openapi.yaml").statusCode()).isEqualTo(200);
        }
    }

    private static RawHttp http(TestOrg org) {
        return new RawHttp(SERVER.baseUrl(), org.apiKey());
    }

    /** A new organization; the clock first moves on so the admin key's own bucket is full again. */
    private static TestOrg newOrg() {
        CLOCK.advance(Duration.ofMinutes(1));
        return SERVER.newOrg();
    }
}
