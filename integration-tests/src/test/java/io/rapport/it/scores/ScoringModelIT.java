package io.rapport.it.scores;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.rapport.it.scores.Expected.Sent;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.PermissionException;
import io.rapport.sdk.RapportApiException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Job;
import io.rapport.sdk.model.JobStatus;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.RelationshipScore;
import io.rapport.sdk.model.ScoreChange;
import io.rapport.sdk.model.ScoreChangeCause;
import io.rapport.sdk.model.ScoringModel;
import io.rapport.sdk.model.ScoringModelInput;
import io.rapport.sdk.model.Scope;
import io.rapport.sdk.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScoringModelIT {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<String> TYPES = List.copyOf(Expected.WEIGHTS.keySet());

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(new MutableClock(NOW))
            .with("scoring.sweepInterval", "1h");

    @Test
    void rescore_givesTheNumbersTheIncrementalPathGave() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        List<UUID> relationships = new ArrayList<>();
        Random random = new Random(4242);
        int sent = 0;
        for (int p = 0; p < 5; p++) {
            Partner partner = aPartner().create(client);
            List<Sent> events = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                events.add(new Sent(TYPES.get(random.nextInt(TYPES.size())),
                        NOW.minus(Duration.ofSeconds(random.nextInt(400 * 86_400))).truncatedTo(ChronoUnit.MICROS)));
            }
            Collections.shuffle(events, random);
            for (int from = 0; from < events.size(); from += 7) {
                ScoresIT.send(client, officer, partner, events.subList(from, Math.min(events.size(), from + 7)).toArray(Sent[]::new));
            }
            sent += events.size();
            relationships.add(ScoresIT.relationshipId(client, officer, partner));
        }
        Map<UUID, RelationshipScore> incremental = new HashMap<>();
        relationships.forEach(id -> incremental.put(id, client.scores().forRelationship(id)));
        String feedEnd = drainFeed(client, null);

        Job job = client.scores().awaitJob(client.scores().rescore().getId(), Duration.ofMinutes(1));

        assertThat(job.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.getRelationships()).isEqualTo(5);
        assertThat(job.getEvents()).isEqualTo((long) sent);
        assertThat(client.scores().job(job.getId())).isEqualTo(job);
        for (UUID id : relationships) {
            RelationshipScore before = incremental.get(id);
            RelationshipScore after = client.scores().forRelationship(id);
            assertThat(after.getInterest()).isCloseTo(before.getInterest(), within(1e-9 * Math.max(1, before.getInterest())));
            assertThat(after.getScore()).isEqualTo(before.getScore());
            assertThat(after.getTier()).isEqualTo(before.getTier());
            assertThat(after.getTrend()).isEqualTo(before.getTrend());
            assertThat(after.getStage()).isEqualTo(before.getStage());
            assertThat(after.getLastMeetingAt()).isEqualTo(before.getLastMeetingAt());
            assertThat(after.getExplanation()).hasSameSizeAs(before.getExplanation());
            for (int i = 0; i < after.getExplanation().size(); i++) {
                assertThat(after.getExplanation().get(i).getType()).isEqualTo(before.getExplanation().get(i).getType());
                assertThat(after.getExplanation().get(i).getShare()).isCloseTo(before.getExplanation().get(i).getShare(), within(1e-9));
            }
        }
        assertThat(client.scores().changes(feedEnd, 50).getItems()).isEmpty();
    }

    @Test
    void updateModel_withTheCurrentVersion_rescoresWithTheNewWeights_andScoresNewEventsWithThem() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Partner partner = aPartner().create(client);
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        ScoresIT.send(client, officer, partner, new Sent("referral_sent", yesterday));
        UUID relationshipId = ScoresIT.relationshipId(client, officer, partner);
        assertThat(client.scores().forRelationship(relationshipId).getTier()).isEqualTo(Tier.ENGAGED);
        String feedEnd = drainFeed(client, null);
        ScoringModel defaults = client.scores().model();
        assertThat(defaults.getVersion()).isEqualTo(1);
        // model 2: an open weighs a quarter, once a day; the officer's touches weigh nothing
        assertThat(defaults.getWeights()).containsEntry("referral_sent", 25.0).containsEntry("app_opened", 0.25)
                .containsEntry("note_sent", 0.0).containsEntry("call_made", 0.0).containsEntry("tool_shared", 0.0);
        assertThat(defaults.getDailyCap()).containsExactly("app_opened");
        assertThat(defaults.getHalfLifeDays()).isEqualTo(21.0);

        Map<String, Double> weights = new HashMap<>(defaults.getWeights());
        weights.put("referral_sent", 50.0);
        ScoringModel changed = client.scores().updateModel(1, input(defaults).weights(weights));

        assertThat(changed.getVersion()).isEqualTo(2);
        assertThat(client.scores().awaitJob(changed.getRescoreJobId(), Duration.ofMinutes(1)).getStatus())
                .isEqualTo(JobStatus.SUCCEEDED);
        assertThat(client.scores().job(changed.getRescoreJobId()).getModelVersion()).isEqualTo(2);
        RelationshipScore rescored = client.scores().forRelationship(relationshipId);
        assertThat(rescored.getInterest()).isCloseTo(50 * Math.pow(2, -1.0 / 21), within(1e-9));
        assertThat(rescored.getTier()).isEqualTo(Tier.HOT);
        assertThat(rescored.getModelVersion()).isEqualTo(2);
        assertThat(client.scores().changes(feedEnd, 50).getItems())
                .extracting(ScoreChange::getFrom, ScoreChange::getTo, ScoreChange::getCause)
                .containsExactly(tuple("engaged", "hot", ScoreChangeCause.RESCORE));

        ScoresIT.send(client, officer, partner, new Sent("referral_sent", NOW));
        assertThat(client.scores().forRelationship(relationshipId).getInterest())
                .isCloseTo(50 * Math.pow(2, -1.0 / 21) + 50, within(1e-9));
    }

    @Test
    void updateModel_refusesStaleVersionsBadFieldsAndKeysWithoutAdmin() {
        TestOrg org = SERVER.newOrg();
        RapportClient client = org.client();
        ScoringModel current = client.scores().model();
        client.scores().updateModel(1, input(current).k(25.0));

        assertThatThrownBy(() -> client.scores().updateModel(1, input(current)))
                .isInstanceOfSatisfying(RapportApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.code()).isEqualTo("version_mismatch");
                });
        Map<String, Double> bogus = new HashMap<>(current.getWeights());
        bogus.put("coffee_spilled", 3.0);
        assertThatThrownBy(() -> client.scores().updateModel(2, input(current).weights(bogus).shortHalfLifeDays(30.0)))
                .isInstanceOfSatisfying(RapportApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.problem().getErrors()).extracting(f -> f.getField())
                            .containsExactlyInAnyOrder("weights.coffee_spilled", "shortHalfLifeDays");
                });
        RapportClient reader = org.clientWith(Scope.SCORES_READ);
        assertThat(reader.scores().model().getK()).isEqualTo(25.0);
        assertThatThrownBy(() -> reader.scores().updateModel(2, input(current))).isInstanceOf(PermissionException.class);
        assertThatThrownBy(() -> reader.scores().rescore()).isInstanceOf(PermissionException.class);
    }

    @Test
    void anotherOrganizationsJob_answers404() {
        Job job = SERVER.newOrg().client().scores().rescore();

        assertThatThrownBy(() -> SERVER.newOrg().client().scores().job(job.getId())).isInstanceOf(NotFoundException.class);
    }

    private static ScoringModelInput input(ScoringModel model) {
        return new ScoringModelInput().weights(model.getWeights()).halfLifeDays(model.getHalfLifeDays())
                .shortHalfLifeDays(model.getShortHalfLifeDays()).k(model.getK()).warmingAt(model.getWarmingAt())
                .engagedAt(model.getEngagedAt()).hotAt(model.getHotAt()).hysteresis(model.getHysteresis());
    }

    private static String drainFeed(RapportClient client, String cursor) {
        String at = cursor;
        while (true) {
            var page = client.scores().changes(at, 500);
            at = page.getNextCursor();
            if (page.getItems().isEmpty()) {
                return at;
            }
        }
    }
}
