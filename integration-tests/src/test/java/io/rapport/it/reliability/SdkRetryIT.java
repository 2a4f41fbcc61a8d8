package io.rapport.it.reliability;

import static io.rapport.it.support.Fixtures.aPartner;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.it.support.FaultProxy;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Partner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK's retries and the server's idempotency keys together: a lost response never creates twice. */
class SdkRetryIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @Test
    void creates_whoseResponsesAreLostAfterCommit_areRetried_andCreateExactlyOnce() throws Exception {
        TestOrg org = SERVER.newOrg();
        List<Partner> created = new ArrayList<>();
        try (FaultProxy proxy = FaultProxy.start(SERVER.baseUrl(), 0.0, 0.5, 7)) {
            RapportClient client = RapportClient.builder().baseUrl(proxy.baseUrl()).apiKey(org.apiKey())
                    .maxAttempts(10).backoff(Duration.ofMillis(1), Duration.ofMillis(10)).build();
            for (int i = 0; i < 20; i++) {
                created.add(aPartner().create(client));
            }
            assertThat(proxy.dropped()).isPositive();
        }

        List<Partner> stored = org.client().partners().all(null, null).toList();
        assertThat(stored).hasSize(20);
        assertThat(stored).extracting(Partner::getId)
                .containsExactlyInAnyOrderElementsOf(created.stream().map(Partner::getId).toList());
    }

    @Test
    void creates_thatFailBeforeTheServer_areRetried_untilTheyGoThrough() throws Exception {
        TestOrg org = SERVER.newOrg();
        try (FaultProxy proxy = FaultProxy.start(SERVER.baseUrl(), 0.5, 0.0, 11)) {
            RapportClient client = RapportClient.builder().baseUrl(proxy.baseUrl()).apiKey(org.apiKey())
                    .maxAttempts(10).backoff(Duration.ofMillis(1), Duration.ofMillis(10)).build();
            for (int i = 0; i < 10; i++) {
                aPartner().create(client);
            }
            assertThat(proxy.failed()).isPositive();
        }

        assertThat(org.client().partners().all(null, null).count()).isEqualTo(10);
    }
}
