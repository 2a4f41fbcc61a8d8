package io.rapport.it.events;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.UsageEvent;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Eight senders, on two server nodes sharing one database, send overlapping event ids for pairs that
 * do not exist yet, all at once: every id is stored once and reported accepted once.
 */
class ConcurrentIngestIT {
    private static final int THREADS = 8;
    private static final int BATCHES_PER_THREAD = 3;
    private static final int BATCH = 100;
    private static final int STRIDE = 60;

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();
    private static RapportServerExtension.Node secondNode;

    @BeforeAll
    static void startSecondNode() throws Exception {
        secondNode = SERVER.anotherNode();
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void overlappingIdsFromEightThreadsOnTwoNodes_areStoredOnce_andAcceptedOnce() throws Exception {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        List<Partner> partners = List.of(aPartner().create(org.client()), aPartner().create(org.client()));
        int poolSize = (THREADS - 1) * STRIDE + BATCHES_PER_THREAD * BATCH;
        List<UsageEventInput> pool = IntStream.range(0, poolSize)
                .mapToObj(i -> anEvent(Instant.now().minusSeconds(i)).officerId(officer.getId())
                        .partnerId(partners.get(i % 2).getId()).input())
                .toList();
        RapportClient nodeB = secondNode.client(org.apiKey());

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<EventBatchResult>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            RapportClient client = t % 2 == 0 ? org.client() : nodeB;
            List<UsageEventInput> mine = pool.subList(t * STRIDE, t * STRIDE + BATCHES_PER_THREAD * BATCH);
            results.add(threads.submit(() -> {
                start.await();
                List<EventBatchResult> answers = new ArrayList<>();
                for (int b = 0; b < BATCHES_PER_THREAD; b++) {
                    answers.add(client.events().send(mine.subList(b * BATCH, (b + 1) * BATCH)));
                }
                return answers;
            }));
        }
        start.countDown();
        int accepted = 0;
        int duplicates = 0;
        for (Future<List<EventBatchResult>> future : results) {
            for (EventBatchResult answer : future.get(2, TimeUnit.MINUTES)) {
                assertThat(answer.getRejected()).isEmpty();
                accepted += answer.getAccepted();
                duplicates += answer.getDuplicates();
            }
        }
        threads.shutdown();

        assertThat(accepted).isEqualTo(poolSize);
        assertThat(accepted + duplicates).isEqualTo(THREADS * BATCHES_PER_THREAD * BATCH);
        assertThat(org.client().relationships().all(officer.getId(), null)).hasSize(2);
        Set<UUID> stored = new HashSet<>();
        for (Partner partner : partners) {
            org.client().events().allForPartner(partner.getId(), null, null, null).map(UsageEvent::getEventId)
                    .forEach(id -> assertThat(stored.add(id)).as("stored once: %s", id).isTrue());
        }
        assertThat(stored).containsExactlyInAnyOrderElementsOf(pool.stream().map(UsageEventInput::getEventId).toList());
    }

    /**
     * Every batch names a pair that exists and pairs seen for the first time, the same new pairs in every
     * sender's batch: each new pair gets exactly one relationship, and every event is filed under its pair's.
     */
    @Test
    void newPairsBesideAKnownOne_fromEightThreadsOnTwoNodes_getOneRelationshipEach() throws Exception {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner known = aPartner().create(org.client());
        org.client().events().send(List.of(anEvent(Instant.now()).pair(officer, known).input()));
        RapportClient nodeB = secondNode.client(org.apiKey());
        List<Partner> partners = new ArrayList<>(List.of(known));
        for (int round = 0; round < BATCHES_PER_THREAD; round++) {
            List<Partner> fresh = List.of(aPartner().create(org.client()), aPartner().create(org.client()));
            partners.addAll(fresh);
            List<Partner> named = List.of(known, fresh.get(0), fresh.get(1));
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<EventBatchResult>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                RapportClient client = t % 2 == 0 ? org.client() : nodeB;
                List<UsageEventInput> batch = IntStream.range(0, 30)
                        .mapToObj(i -> anEvent(Instant.now()).pair(officer, named.get(i % 3)).input()).toList();
                results.add(threads.submit(() -> {
                    start.await();
                    return client.events().send(batch);
                }));
            }
            start.countDown();
            for (Future<EventBatchResult> future : results) {
                EventBatchResult answer = future.get(2, TimeUnit.MINUTES);
                assertThat(answer.getRejected()).isEmpty();
                assertThat(answer.getAccepted()).isEqualTo(30);
            }
            threads.shutdown();
        }

        assertThat(org.client().relationships().all(officer.getId(), null)).extracting(r -> r.getPartnerId())
                .containsExactlyInAnyOrderElementsOf(partners.stream().map(Partner::getId).toList());
        for (Partner partner : partners) {
            UUID relationshipId = org.client().relationships().find(officer.getId(), partner.getId()).orElseThrow().getId();
            assertThat(org.client().events().allForPartner(partner.getId(), null, null, null))
                    .extracting(UsageEvent::getRelationshipId).containsOnly(relationshipId);
        }
        assertThat(org.client().events().allForPartner(known.getId(), null, null, null))
                .hasSize(1 + THREADS * BATCHES_PER_THREAD * 10);
    }
}
