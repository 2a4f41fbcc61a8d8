package io.rapport.it.reliability;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.it.support.FaultProxy;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestDatabases;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.EventCallback;
import io.rapport.sdk.EventTracker;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.RapportException;
import io.rapport.sdk.TrackerMetrics;
import io.rapport.sdk.TrackerOptions;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tracker against the real server through a network that fails 20% of requests and drops 5% of
 * responses after the server committed them. The event count is {@code -Drapport.it.trackerEvents}
 * (default 100,000, the figure the issue asks for).
 */
class EventTrackerIT {
    private static final int EVENTS = Integer.getInteger("rapport.it.trackerEvents", 100_000);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @Test
    void trackingThroughAFaultyNetwork_storesEveryEventOnce_andReportsEachEventOnce() throws Exception {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        Outcomes outcomes = new Outcomes();
        List<UUID> tracked = new ArrayList<>(EVENTS);
        TrackerMetrics metrics;

        try (FaultProxy proxy = FaultProxy.start(SERVER.baseUrl(), 0.20, 0.05, 42)) {
            RapportClient client = RapportClient.builder().baseUrl(proxy.baseUrl()).apiKey(org.apiKey())
                    .maxAttempts(15).backoff(Duration.ofMillis(1), Duration.ofMillis(20)).build();
            EventTracker tracker = client.tracker(TrackerOptions.builder().callback(outcomes)
                    .enqueueTimeout(Duration.ofMinutes(2)).closeTimeout(Duration.ofMinutes(5)).build());
            for (int i = 0; i < EVENTS; i++) {
                tracked.add(tracker.track(new UsageEventInput().type("app_opened")
                        .officerId(officer.getId()).partnerId(partner.getId())));
            }
            tracker.close();
            metrics = tracker.metrics();

            System.out.printf("EventTrackerIT: %d events; proxy failed %d, dropped %d, passed %d requests; %s%n",
                    EVENTS, proxy.failed(), proxy.dropped(), proxy.passed(), metrics);
            assertThat(proxy.failed()).isPositive();
            assertThat(proxy.dropped()).isPositive();
        }

        assertThat(Set.copyOf(tracked)).hasSize(EVENTS);
        assertThat(outcomes.byEvent.keySet()).isEqualTo(Set.copyOf(tracked));
        assertThat(outcomes.byEvent.values()).allMatch(list -> list.size() == 1);
        assertThat(outcomes.byEvent.values()).allMatch(list -> list.get(0).equals("delivered")
                || list.get(0).equals("duplicate"));
        assertThat(metrics.sent()).isEqualTo(EVENTS);
        assertThat(metrics.duplicates()).isPositive(); // some batches were resent after a dropped response
        assertThat(metrics.retries()).isPositive();
        assertThat(storedEventIds(org.orgId())).containsExactlyInAnyOrderElementsOf(tracked);
    }

    @Test
    void tracking_eventsSomeOfWhichWereAlreadyStored_reportsExactlyThoseAsDuplicates() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UsageEventInput first = new UsageEventInput().type("app_opened").officerId(officer.getId()).partnerId(partner.getId())
                .eventId(UUID.randomUUID()).occurredAt(now);
        UsageEventInput second = new UsageEventInput().type("content_viewed").officerId(officer.getId())
                .partnerId(partner.getId()).eventId(UUID.randomUUID()).occurredAt(now);
        assertThat(org.client().events().send(List.of(first, second)).getAccepted()).isEqualTo(2);
        Outcomes outcomes = new Outcomes();
        List<UUID> fresh = new ArrayList<>();

        try (EventTracker tracker = org.client().tracker(TrackerOptions.builder().callback(outcomes).build())) {
            fresh.add(tracker.track(new UsageEventInput().type("app_opened").officerId(officer.getId()).partnerId(partner.getId())));
            tracker.track(first);
            fresh.add(tracker.track(new UsageEventInput().type("app_opened").officerId(officer.getId()).partnerId(partner.getId())));
            tracker.track(second);
            tracker.flush();
        }

        assertThat(outcomes.byEvent).containsOnlyKeys(fresh.get(0), first.getEventId(), fresh.get(1), second.getEventId());
        assertThat(outcomes.byEvent.get(first.getEventId())).containsExactly("duplicate");
        assertThat(outcomes.byEvent.get(second.getEventId())).containsExactly("duplicate");
        assertThat(outcomes.byEvent.get(fresh.get(0))).containsExactly("delivered");
        assertThat(outcomes.byEvent.get(fresh.get(1))).containsExactly("delivered");
    }

    private static List<UUID> storedEventIds(UUID orgId) throws Exception {
        return TestDatabases.storedEventIds(SERVER.database(), orgId);
    }

    /** Every outcome per eventId, to check each event got exactly one. */
    private static final class Outcomes implements EventCallback {
        final Map<UUID, List<String>> byEvent = new ConcurrentHashMap<>();

        @Override
        public void onDelivered(UsageEventInput event) {
            record(event, "delivered");
        }

        @Override
        public void onDuplicate(UsageEventInput event) {
            record(event, "duplicate");
        }

        @Override
        public void onRejected(UsageEventInput event, String code, String message) {
            record(event, "rejected:" + code);
        }

        @Override
        public void onFailed(UsageEventInput event, RapportException cause) {
            record(event, "failed:" + cause.getMessage());
        }

        private void record(UsageEventInput event, String outcome) {
            byEvent.computeIfAbsent(event.getEventId(), id -> new CopyOnWriteArrayList<>()).add(outcome);
        }
    }
}
