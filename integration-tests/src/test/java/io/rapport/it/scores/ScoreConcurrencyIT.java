package io.rapport.it.scores;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rapport.it.scores.Expected.Sent;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.JobStatus;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.RelationshipScore;
import io.rapport.sdk.model.ScoreChange;
import io.rapport.sdk.model.ScoreChangePage;
import io.rapport.sdk.model.ScoreContribution;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many writers on the same relationships at once: the incremental sums stay exact and the feed stays whole. */
class ScoreConcurrencyIT {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final int THREADS = 16;
    private static final int BATCHES_PER_THREAD = 6;
    private static final int EVENTS_PER_BATCH = 20;
    private static final int RELATIONSHIPS = 12;
    private static final List<String> TYPES = List.copyOf(Expected.WEIGHTS.keySet());

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(new MutableClock(NOW))
            .with("scoring.sweepInterval", "1h");

    private record Target(Officer officer, Partner partner) {
    }

    @Test
    void sixteenConcurrentWriters_endWithTheBatchFormulaAndTheRescoreResult_andTheFeedNeitherSkipsNorRepeats() throws Exception {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < RELATIONSHIPS; i++) {
            targets.add(new Target(officer, aPartner().create(client)));
        }
        Map<Partner, List<Sent>> sent = new ConcurrentHashMap<>();
        targets.forEach(t -> sent.put(t.partner(), Collections.synchronizedList(new ArrayList<>())));

        AtomicBoolean writing = new AtomicBoolean(true);
        List<ScoreChange> polled = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        Future<?> poller = pool.submit(() -> poll(client, writing, polled));
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            long seed = 1000L + w;
            writers.add(pool.submit(() -> write(client, targets, sent, new Random(seed))));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        writing.set(false);
        poller.get();
        pool.shutdown();

        Map<UUID, Double> incremental = new java.util.HashMap<>();
        for (Target target : targets) {
            RelationshipScore score = assertMatchesFormula(client, target, sent.get(target.partner()));
            incremental.put(score.getRelationshipId(), score.getInterest());
        }
        assertThat(client.scores().awaitJob(client.scores().rescore().getId(), Duration.ofMinutes(2)).getStatus())
                .isEqualTo(JobStatus.SUCCEEDED);
        incremental.forEach((id, interest) -> assertThat(client.scores().forRelationship(id).getInterest())
                .isCloseTo(interest, within(1e-9 * Math.max(1, interest))));
        List<ScoreChange> whole = new ArrayList<>();
        pollOnce(client, null, whole);
        assertThat(whole).isNotEmpty();
        assertThat(polled).extracting(ScoreChange::getId).containsExactlyElementsOf(whole.stream().map(ScoreChange::getId).toList());
        assertThat(new HashSet<>(whole.stream().map(ScoreChange::getId).toList())).hasSameSizeAs(whole);
        assertEachRelationshipsChangesChain(whole);
    }

    /** In feed order, every change of a relationship starts where its previous change of that kind ended. */
    private static void assertEachRelationshipsChangesChain(List<ScoreChange> feed) {
        Map<String, String> current = new java.util.HashMap<>();
        for (ScoreChange change : feed) {
            String key = change.getRelationshipId() + "/" + change.getKind();
            String initial = change.getKind().getValue().equals("tier") ? "cold" : "technoship";
            assertThat(change.getFrom()).as("change %s", change.getId()).isEqualTo(current.getOrDefault(key, initial));
            current.put(key, change.getTo());
        }
    }

    private static void write(RapportClient client, List<Target> targets, Map<Partner, List<Sent>> sent, Random random) {
        for (int b = 0; b < BATCHES_PER_THREAD; b++) {
            List<UsageEventInput> batch = new ArrayList<>();
            List<Runnable> record = new ArrayList<>();
            for (int e = 0; e < EVENTS_PER_BATCH; e++) {
                Target target = targets.get(random.nextInt(targets.size()));
                Instant at = NOW.minus(Duration.ofSeconds(random.nextInt(60 * 86_400))).truncatedTo(ChronoUnit.MICROS);
                Sent event = new Sent(TYPES.get(random.nextInt(TYPES.size())), at);
                batch.add(anEvent(at).type(event.type()).pair(target.officer(), target.partner()).input());
                record.add(() -> sent.get(target.partner()).add(event));
            }
            EventBatchResult result = client.events().send(batch);
            assertThat(result.getAccepted()).isEqualTo(EVENTS_PER_BATCH);
            record.forEach(Runnable::run);
            // a retried batch is all duplicates and must not count twice
            assertThat(client.events().send(batch).getDuplicates()).isEqualTo(EVENTS_PER_BATCH);
        }
    }

    private static void poll(RapportClient client, AtomicBoolean writing, List<ScoreChange> polled) {
        String cursor = null;
        boolean last;
        do {
            last = !writing.get();
            cursor = pollOnce(client, cursor, polled);
        } while (!last);
    }

    /** Reads the feed from {@code cursor} to its current end; returns the cursor to continue from. */
    private static String pollOnce(RapportClient client, String cursor, List<ScoreChange> into) {
        String at = cursor;
        while (true) {
            ScoreChangePage page = client.scores().changes(at, 7);
            into.addAll(page.getItems());
            at = page.getNextCursor();
            if (page.getItems().isEmpty()) {
                return at;
            }
        }
    }

    private static RelationshipScore assertMatchesFormula(RapportClient client, Target target, List<Sent> events) {
        RelationshipScore score = client.scores().forRelationship(
                ScoresIT.relationshipId(client, target.officer(), target.partner()));
        double interest = Expected.interest(events, NOW);
        assertThat(score.getInterest()).isCloseTo(interest, within(1e-9 * Math.max(1, interest)));
        assertThat(score.getScore()).isEqualTo(Expected.score(interest));
        Map<String, List<Sent>> byType = events.stream().collect(Collectors.groupingBy(Sent::type));
        for (ScoreContribution part : score.getExplanation()) {
            assertThat(part.getShare()).isCloseTo(Expected.interest(byType.get(part.getType()), NOW) / interest, within(1e-9));
        }
        Instant lastMeeting = events.stream().filter(e -> e.type().equals("meeting_logged")).map(Sent::at)
                .max(Instant::compareTo).orElse(null);
        assertThat(score.getLastMeetingAt() == null ? null : score.getLastMeetingAt().toInstant()).isEqualTo(lastMeeting);
        long referrals = events.stream().filter(e -> e.type().equals("referral_sent")).count();
        assertThat(score.getReferralsLast365Days()).isEqualTo((int) referrals);
        return score;
    }
}
