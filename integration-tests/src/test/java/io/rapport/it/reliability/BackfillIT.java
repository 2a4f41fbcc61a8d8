package io.rapport.it.reliability;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestDatabases;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.BackfillResult;
import io.rapport.sdk.EventCallback;
import io.rapport.sdk.EventTracker;
import io.rapport.sdk.TrackerOptions;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.UsageEventInput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A CRM back-filling its history through the real SDK into the real server: far more events than the
 * tracker's queue holds, times spread over the past two years, a few too old to be taken. The size is
 * {@code -Drapport.it.backfillEvents} (default 30,000).
 */
class BackfillIT {
    private static final int EVENTS = Integer.getInteger("rapport.it.backfillEvents", 30_000);
    private static final int QUEUE = 100;
    private static final int PARTNERS = 50;
    /** Every this many events one more, from 800 days ago: the server refuses events over two years old. */
    private static final int TOO_OLD_EVERY = 300;

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @Test
    void backfill_ofAHistoryFarLargerThanTheQueue_storesEveryEventOnce_refusingNoneForWantOfRoom() throws Exception {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            partners.add(aPartner().create(org.client()).getId());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        AtomicInteger mostQueuedSeen = new AtomicInteger();
        AtomicReference<EventTracker> trackerRef = new AtomicReference<>();
        Outcomes outcomes = new Outcomes(() -> mostQueuedSeen.accumulateAndGet(trackerRef.get().metrics().queued(), Math::max));
        BackfillResult result;
        BackfillResult rerun;
        int peak;

        try (EventTracker tracker = org.client().tracker(TrackerOptions.builder().maxQueueSize(QUEUE)
                .callback(outcomes).closeTimeout(Duration.ofMinutes(1)).build())) {
            trackerRef.set(tracker);
            result = tracker.trackAll(history(officer.getId(), partners, now).peek(e ->
                    mostQueuedSeen.accumulateAndGet(tracker.metrics().queued(), Math::max)));
            // The same history's last tenth again, as after a restart: stored already, so each is a duplicate.
            rerun = tracker.trackAll(history(officer.getId(), partners, now).skip(result.taken() - result.taken() / 10));
            peak = tracker.metrics().peakQueued();
        }

        int tooOld = EVENTS / TOO_OLD_EVERY;
        System.out.printf("BackfillIT: %s; rerun %s; peak queue %d of %d, most seen %d%n", result, rerun, peak, QUEUE,
                mostQueuedSeen.get());
        assertThat(result.status()).isEqualTo(BackfillResult.Status.COMPLETED);
        assertThat(result.completed()).isTrue();
        assertThat(result.taken()).isEqualTo(EVENTS + tooOld);
        assertThat(result.delivered()).isEqualTo(EVENTS);
        assertThat(result.rejectedByCode()).isEqualTo(Map.of("occurred_too_long_ago", (long) tooOld));
        assertThat(result.failed() + result.duplicates() + result.unsettled()).isZero();
        assertThat(outcomes.delivered.sum()).isEqualTo(EVENTS);
        assertThat(outcomes.other.sum()).isEqualTo(tooOld + rerun.rejected());
        assertThat(rerun.completed()).isTrue();
        assertThat(rerun.delivered()).isZero();
        assertThat(rerun.duplicates() + rerun.rejected()).isEqualTo(rerun.taken());
        assertThat(rerun.duplicates()).isPositive();
        assertThat(peak).isBetween(1, QUEUE);
        assertThat(mostQueuedSeen.get()).isBetween(1, QUEUE);
        Set<UUID> expected = new HashSet<>();
        history(officer.getId(), partners, now).filter(e -> !e.getProperties().containsKey("tooOld"))
                .forEach(e -> expected.add(e.getEventId()));
        List<UUID> stored = storedEventIds(org.orgId());
        assertThat(stored).hasSize(EVENTS).doesNotHaveDuplicates();
        assertThat(new HashSet<>(stored)).isEqualTo(expected);
    }

    /**
     * Oldest first, over 1–700 days ago, each with an id derived from the CRM's own record number (so a rerun
     * stores nothing twice); every {@value #TOO_OLD_EVERY}th record is followed by one from 800 days ago.
     * Built lazily, like rows read from a cursor.
     */
    private static Stream<UsageEventInput> history(UUID officer, List<UUID> partners, OffsetDateTime now) {
        String[] types = {"app_opened", "content_viewed", "calculator_used", "profile_viewed"};
        long spanSeconds = Duration.ofDays(699).toSeconds();
        return IntStream.range(0, EVENTS).boxed().flatMap(i -> {
            OffsetDateTime at = now.minusDays(1).minusSeconds(spanSeconds - spanSeconds * i / EVENTS);
            UsageEventInput event = new UsageEventInput().eventId(crmId("crm-" + i)).type(types[i % types.length])
                    .occurredAt(at).officerId(officer).partnerId(partners.get(i % partners.size()))
                    .properties(Map.of("record", i));
            if (i % TOO_OLD_EVERY != TOO_OLD_EVERY - 1) {
                return Stream.of(event);
            }
            return Stream.of(event, new UsageEventInput().eventId(crmId("crm-old-" + i)).type("app_opened")
                    .occurredAt(now.minusDays(800)).officerId(officer).partnerId(partners.get(0))
                    .properties(Map.of("tooOld", true)));
        });
    }

    private static UUID crmId(String record) {
        return UUID.nameUUIDFromBytes(record.getBytes(StandardCharsets.UTF_8));
    }

    private static List<UUID> storedEventIds(UUID orgId) throws Exception {
        return TestDatabases.storedEventIds(SERVER.database(), orgId);
    }

    /** Counts outcomes, and looks at the queue's size from the flusher's side at every delivery. */
    private static final class Outcomes implements EventCallback {
        final LongAdder delivered = new LongAdder();
        final LongAdder other = new LongAdder();
        private final Runnable observeQueue;

        Outcomes(Runnable observeQueue) {
            this.observeQueue = observeQueue;
        }

        @Override
        public void onDelivered(UsageEventInput event) {
            delivered.increment();
            observeQueue.run();
        }

        @Override
        public void onRejected(UsageEventInput event, String code, String message) {
            other.increment();
        }
    }
}
