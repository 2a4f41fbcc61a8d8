package io.rapport.it.scores;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rapport.it.scores.Expected.Sent;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.JobStatus;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.ScoredPartner;
import io.rapport.sdk.model.ScoringModel;
import io.rapport.sdk.model.ScoringModelInput;
import io.rapport.sdk.model.Trend;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each node keeps the scoring model it last parsed per organization; a change made on the other node
 * must still be what the very next read and the very next ingest use. Two nodes over one database,
 * both on the same fixed clock, every cache warmed with the old model before it changes.
 */
class ScoringModelNodesIT {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static final double REFERRAL_YESTERDAY = 25 * Math.pow(2, -1.0 / 21);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK).with("scoring.sweepInterval", "1h");
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
    void aModelChangedOnOneNode_isWhatTheRankedListOnTheOtherReadsNext() {
        TestOrg org = SERVER.newOrg();
        RapportClient nodeA = org.client();
        RapportClient nodeB = onSecondNode(org);
        Officer officer = anOfficer().create(nodeA);
        Partner partner = aPartner().create(nodeA);
        ScoresIT.send(nodeA, officer, partner, new Sent("referral_sent", NOW.minus(Duration.ofDays(1))));
        assertThat(only(nodeA, officer).getScore()).isEqualTo(score(REFERRAL_YESTERDAY, 20));
        assertThat(only(nodeB, officer).getScore()).isEqualTo(score(REFERRAL_YESTERDAY, 20));

        ScoringModel first = nodeA.scores().model();
        nodeA.scores().updateModel(first.getVersion(), input(first).k(200.0));

        assertThat(only(nodeB, officer).getScore()).isEqualTo(score(REFERRAL_YESTERDAY, 200));
        assertThat(only(nodeA, officer).getScore()).isEqualTo(score(REFERRAL_YESTERDAY, 200));

        nodeB.scores().updateModel(first.getVersion() + 1, input(first).k(40.0));

        assertThat(only(nodeA, officer).getScore()).isEqualTo(score(REFERRAL_YESTERDAY, 40));
        assertThat(only(nodeB, officer).getScore()).isEqualTo(score(REFERRAL_YESTERDAY, 40));
    }

    @Test
    void aModelChangedOnOneNode_weighsTheNextIngestOnTheOther() {
        TestOrg org = SERVER.newOrg();
        RapportClient nodeA = org.client();
        RapportClient nodeB = onSecondNode(org);
        Officer officer = anOfficer().create(nodeA);
        Partner partner = aPartner().create(nodeA);
        ScoresIT.send(nodeB, officer, partner, new Sent("referral_sent", NOW.minus(Duration.ofDays(1))));
        UUID relationshipId = ScoresIT.relationshipId(nodeA, officer, partner);
        assertThat(nodeB.scores().forRelationship(relationshipId).getInterest()).isCloseTo(REFERRAL_YESTERDAY, within(1e-9));

        ScoringModel first = nodeA.scores().model();
        Map<String, Double> weights = new HashMap<>(first.getWeights());
        weights.put("calculator_used", 7.0);
        ScoringModel changed = nodeA.scores().updateModel(first.getVersion(), input(first).weights(weights));
        // the rescore is over before the next event, so only the ingest itself can weigh that event
        assertThat(nodeA.scores().awaitJob(changed.getRescoreJobId(), Duration.ofMinutes(1)).getStatus())
                .isEqualTo(JobStatus.SUCCEEDED);
        ScoresIT.send(nodeB, officer, partner, new Sent("calculator_used", NOW));

        assertThat(nodeB.scores().forRelationship(relationshipId).getInterest())
                .isCloseTo(REFERRAL_YESTERDAY + 7.0, within(1e-9));
        assertThat(only(nodeB, officer).getScore()).isEqualTo(score(REFERRAL_YESTERDAY + 7.0, 20));
    }

    @Test
    void aModelChangedOnOneNode_isTheTrendTheOtherFiltersAndShowsBy() {
        TestOrg org = SERVER.newOrg();
        RapportClient nodeA = org.client();
        RapportClient nodeB = onSecondNode(org);
        Officer officer = anOfficer().create(nodeA);
        // one event each, 1, 16 and 40 days ago: rising, steady and cooling with half-lives of 21 and 7 days
        Map<Integer, UUID> byAge = new HashMap<>();
        for (int days : new int[] {1, 16, 40}) {
            Partner partner = aPartner().create(nodeA);
            ScoresIT.send(nodeA, officer, partner, new Sent("app_opened", NOW.minus(Duration.ofDays(days))));
            byAge.put(days, partner.getId());
        }
        assertThat(trends(nodeB, officer, null)).containsOnly(
                Map.entry(byAge.get(1), Trend.RISING), Map.entry(byAge.get(16), Trend.STEADY),
                Map.entry(byAge.get(40), Trend.COOLING));
        assertThat(trends(nodeB, officer, Trend.STEADY)).containsOnlyKeys(byAge.get(16));

        ScoringModel first = nodeA.scores().model();
        ScoringModel changed = nodeA.scores().updateModel(first.getVersion(), input(first).shortHalfLifeDays(2.0));
        assertThat(nodeA.scores().awaitJob(changed.getRescoreJobId(), Duration.ofMinutes(1)).getStatus())
                .isEqualTo(JobStatus.SUCCEEDED);

        // a short half-life of 2 days: 16 days ago now reads cooling, in the filter and on the item alike
        Map<UUID, Trend> shown = trends(nodeB, officer, null);
        assertThat(shown).containsOnly(
                Map.entry(byAge.get(1), Trend.RISING), Map.entry(byAge.get(16), Trend.COOLING),
                Map.entry(byAge.get(40), Trend.COOLING));
        for (Trend trend : List.of(Trend.RISING, Trend.STEADY, Trend.COOLING)) {
            assertThat(trends(nodeB, officer, trend).keySet()).as("filtered by %s", trend)
                    .containsExactlyInAnyOrderElementsOf(shown.entrySet().stream()
                            .filter(e -> e.getValue() == trend).map(Map.Entry::getKey).toList());
        }
    }

    private static Map<UUID, Trend> trends(RapportClient client, Officer officer, Trend filter) {
        Map<UUID, Trend> trends = new HashMap<>();
        client.scores().rankedPartners(officer.getId(), 50, null, null, null, filter, null).getItems()
                .forEach(item -> trends.put(item.getPartnerId(), item.getTrend()));
        return trends;
    }

    private static ScoredPartner only(RapportClient client, Officer officer) {
        List<ScoredPartner> items = client.scores().rankedPartners(officer.getId(), 50, null, null, null, null, null)
                .getItems();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static int score(double interest, double k) {
        return (int) Math.round(100 * (1 - Math.exp(-interest / k)));
    }

    private static RapportClient onSecondNode(TestOrg org) {
        return secondNode.client(org.apiKey());
    }

    private static ScoringModelInput input(ScoringModel model) {
        return new ScoringModelInput().weights(model.getWeights()).halfLifeDays(model.getHalfLifeDays())
                .shortHalfLifeDays(model.getShortHalfLifeDays()).k(model.getK()).warmingAt(model.getWarmingAt())
                .engagedAt(model.getEngagedAt()).hotAt(model.getHotAt()).hysteresis(model.getHysteresis());
    }
}
