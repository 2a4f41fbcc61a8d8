package io.rapport.it.scores;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.rapport.it.scores.Expected.Sent;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.RapportApiException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerSort;
import io.rapport.sdk.model.PartnerType;
import io.rapport.sdk.model.RelationshipScore;
import io.rapport.sdk.model.ScoreChange;
import io.rapport.sdk.model.ScoreChangeCause;
import io.rapport.sdk.model.ScoreChangeKind;
import io.rapport.sdk.model.ScoreChangePage;
import io.rapport.sdk.model.ScoreContribution;
import io.rapport.sdk.model.ScoredPartner;
import io.rapport.sdk.model.ScoredPartnerPage;
import io.rapport.sdk.model.Stage;
import io.rapport.sdk.model.Tier;
import io.rapport.sdk.model.Trend;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScoresIT {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("scoring.sweepInterval", "1h");

    @Test
    void relationshipScore_afterAReferralAndAMeeting_isTheFormulaWithItsExplanation() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Partner partner = aPartner().create(client);
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        send(client, officer, partner, new Sent("referral_sent", yesterday), new Sent("meeting_logged", yesterday));

        RelationshipScore score = client.scores().forRelationship(relationshipId(client, officer, partner));

        // I = 35·2^(−1/21) = 33.86; 100·(1 − e^(−33.86/20)) = 81.6 → 82
        double interest = 35 * Math.pow(2, -1.0 / 21);
        assertThat(score.getInterest()).isCloseTo(interest, within(1e-9));
        assertThat(score.getScore()).isEqualTo(82);
        assertThat(score.getTier()).isEqualTo(Tier.HOT);
        // no app signal at all: the officer's meeting is not the partner's momentum
        assertThat(score.getTrend()).isEqualTo(Trend.STEADY);
        assertThat(score.getStage()).isEqualTo(Stage.RELATIONSHIP);
        // a referral within 30 days: thank them, whatever the stage
        assertThat(score.getNextStep().getCode().getValue()).isEqualTo("thank_and_support");
        assertThat(score.getNextStep().getRule()).isEqualTo(2);
        assertThat(score.getNextStep().getFact()).isEqualTo("Sent you a referral yesterday.");
        assertThat(score.getNextStep().getFactAt().toInstant()).isEqualTo(yesterday);
        assertThat(score.getNextStep().getReason()).isNotBlank();
        assertThat(score.getExplanation()).extracting(ScoreContribution::getType).containsExactly("referral_sent", "meeting_logged");
        assertThat(score.getExplanation().get(0).getShare()).isCloseTo(25.0 / 35, within(1e-9));
        assertThat(score.getLastMeetingAt().toInstant()).isEqualTo(yesterday);
        assertThat(score.getLastActivityAt().toInstant()).isEqualTo(yesterday);
        assertThat(score.getLastFeedbackAt()).isNull();
        assertThat(score.getReferralsLast365Days()).isEqualTo(1);
        assertThat(score.getModelVersion()).isEqualTo(1);
        assertThat(score.getAsOf().toInstant()).isEqualTo(NOW);
    }

    @Test
    void relationshipScore_withLateEventsInAnyOrder_isTheBatchFormula() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Partner partner = aPartner().create(client);
        List<Sent> sent = List.of(new Sent("app_opened", NOW.minus(Duration.ofDays(2))),
                new Sent("card_shared", NOW.minus(Duration.ofDays(40))),
                new Sent("contact_tapped", NOW.minus(Duration.ofHours(5))),
                new Sent("content_viewed", NOW.minus(Duration.ofDays(90))));
        for (Sent event : sent) {
            send(client, officer, partner, event);
        }

        RelationshipScore score = client.scores().forRelationship(relationshipId(client, officer, partner));

        assertThat(score.getInterest()).isCloseTo(Expected.interest(sent, NOW), within(1e-9));
        assertThat(score.getScore()).isEqualTo(Expected.score(Expected.interest(sent, NOW)));
        assertThat(score.getStage()).isEqualTo(Stage.TECHNOSHIP);
    }

    @Test
    void appOpens_countOncePerUtcDay_evenWhenADaysOpensArriveLateAndInSeparateBatches() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Partner partner = aPartner().create(client);
        Instant threeDaysAgo = NOW.minus(Duration.ofDays(3));
        Instant fiveDaysAgo = NOW.minus(Duration.ofDays(5));
        List<Sent> sent = List.of(new Sent("app_opened", NOW.minus(Duration.ofHours(1))),
                new Sent("app_opened", threeDaysAgo), new Sent("app_opened", threeDaysAgo.plus(Duration.ofHours(2))),
                new Sent("app_opened", fiveDaysAgo), new Sent("app_opened", fiveDaysAgo.minus(Duration.ofHours(3))),
                new Sent("app_opened", threeDaysAgo.minus(Duration.ofHours(1))));
        for (Sent event : sent) {     // newest first: every later one is a late day, or a day already counted
            send(client, officer, partner, event);
        }

        RelationshipScore score = client.scores().forRelationship(relationshipId(client, officer, partner));

        // three UTC days, 0.25 each at the day's start
        assertThat(score.getInterest()).isCloseTo(Expected.interest(sent, NOW), within(1e-9));
        // and the rescore, counting distinct days in SQL, agrees
        client.scores().awaitJob(client.scores().rescore().getId(), Duration.ofMinutes(1));
        assertThat(client.scores().forRelationship(relationshipId(client, officer, partner)).getInterest())
                .isCloseTo(score.getInterest(), within(1e-9));
    }

    @Test
    void rankedPartners_areInScoreOrder_acrossPagesWithoutGapsOrRepeats() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Map<UUID, Double> expected = new HashMap<>();
        String[] types = {"referral_sent", "app_opened", "meeting_logged", "card_shared", "profile_viewed", "feedback_given", "calculator_used"};
        for (int i = 0; i < types.length; i++) {
            Partner partner = aPartner().create(client);
            // heavier events further back, so rank order is not send order nor weight order
            Sent event = new Sent(types[i], NOW.minus(Duration.ofDays(3L * i + (i % 3) * 20)));
            send(client, officer, partner, event);
            expected.put(partner.getId(), Expected.interest(List.of(event), NOW));
        }

        List<ScoredPartner> ranked = new ArrayList<>();
        String cursor = null;
        do {
            ScoredPartnerPage page = client.scores().rankedPartners(officer.getId(), 2, cursor, null, null, null, null);
            assertThat(page.getItems()).hasSizeLessThanOrEqualTo(2);
            ranked.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);

        List<UUID> byExpectedInterest = expected.entrySet().stream()
                .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        assertThat(ranked).extracting(ScoredPartner::getPartnerId).containsExactlyElementsOf(byExpectedInterest);
        assertThat(ranked).isSortedAccordingTo(Comparator.comparing(ScoredPartner::getScore).reversed());
        assertThat(ranked).allSatisfy(p -> assertThat(p.getOfficerId()).isEqualTo(officer.getId()));
    }

    @Test
    void rankedPartners_sortedByLastActivity_pageMostRecentFirst() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        List<UUID> mostRecentFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Partner partner = aPartner().create(client);
            // the most recent is the weakest signal, so this order is not the score order
            send(client, officer, partner, new Sent(i % 2 == 0 ? "app_opened" : "referral_sent", NOW.minus(Duration.ofHours(i))));
            mostRecentFirst.add(partner.getId());
        }

        List<ScoredPartner> listed = new ArrayList<>();
        String cursor = null;
        do {
            ScoredPartnerPage page = client.scores().rankedPartners(officer.getId(), 2, cursor, null, null, null, null,
                    PartnerSort.LAST_ACTIVITY);
            listed.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);

        assertThat(listed).extracting(ScoredPartner::getPartnerId).containsExactlyElementsOf(mostRecentFirst);
        String scoreCursor = client.scores().rankedPartners(officer.getId(), 2, null, null, null, null, null).getNextCursor();
        assertThatThrownBy(() -> client.scores().rankedPartners(officer.getId(), 2, scoreCursor, null, null, null, null,
                PartnerSort.LAST_ACTIVITY)).isInstanceOf(RapportApiException.class);
    }

    @Test
    void rankedPartners_filterByTierStageTrendAndPartnerType() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Partner hotCpa = aPartner().type(PartnerType.CPA).create(client);
        Partner coolingRealtor = aPartner().type(PartnerType.REALTOR).create(client);
        send(client, officer, hotCpa, new Sent("referral_sent", NOW.minus(Duration.ofHours(1))),
                new Sent("meeting_logged", NOW.minus(Duration.ofHours(1))),
                new Sent("contact_tapped", NOW.minus(Duration.ofHours(1))));
        // one open 30 days ago (counted at its day's start): (2^(−30.4/7)/7) / (2^(−30.4/21)/21) = 0.40 < 0.5
        send(client, officer, coolingRealtor, new Sent("app_opened", NOW.minus(Duration.ofDays(30))));

        assertThat(ids(client.scores().rankedPartners(officer.getId(), 50, null, Tier.HOT, null, null, null)))
                .containsExactly(hotCpa.getId());
        assertThat(ids(client.scores().rankedPartners(officer.getId(), 50, null, Tier.COLD, null, null, null)))
                .containsExactly(coolingRealtor.getId());
        assertThat(ids(client.scores().rankedPartners(officer.getId(), 50, null, null, Stage.RELATIONSHIP, null, null)))
                .containsExactly(hotCpa.getId());
        assertThat(ids(client.scores().rankedPartners(officer.getId(), 50, null, null, null, Trend.COOLING, null)))
                .containsExactly(coolingRealtor.getId());
        assertThat(ids(client.scores().rankedPartners(officer.getId(), 50, null, null, null, Trend.RISING, null)))
                .containsExactly(hotCpa.getId());
        assertThat(ids(client.scores().rankedPartners(officer.getId(), 50, null, null, null, null, PartnerType.REALTOR)))
                .containsExactly(coolingRealtor.getId());
        assertThat(ids(client.scores().rankedPartners(officer.getId(), 50, null, Tier.HOT, null, null, PartnerType.REALTOR)))
                .isEmpty();
    }

    @Test
    void partnerScores_listTheRelationshipWithEachOfficer_highestFirst() {
        RapportClient client = SERVER.newOrg().client();
        Officer warm = anOfficer().create(client);
        Officer hot = anOfficer().create(client);
        Partner partner = aPartner().create(client);
        send(client, warm, partner, new Sent("contact_tapped", NOW.minus(Duration.ofDays(1))));
        send(client, hot, partner, new Sent("referral_sent", NOW.minus(Duration.ofDays(1))));

        List<ScoredPartner> scores = client.scores().forPartner(partner.getId());

        assertThat(scores).extracting(ScoredPartner::getOfficerId).containsExactly(hot.getId(), warm.getId());
        assertThat(scores).extracting(ScoredPartner::getTier).containsExactly(Tier.ENGAGED, Tier.WARMING);
        assertThat(scores.get(0).getPartnerName()).isEqualTo(partner.getName());
    }

    @Test
    void changeFeed_recordsEventDrivenTierAndStageChanges_andResumesFromItsCursor() {
        TestOrg org = SERVER.newOrg();
        RapportClient client = org.client();
        Officer officer = anOfficer().create(client);
        Partner partner = aPartner().create(client);
        send(client, officer, partner, new Sent("app_opened", NOW.minus(Duration.ofDays(1))));
        ScoreChangePage empty = client.scores().changes(null, 50);
        assertThat(empty.getItems()).isEmpty();

        send(client, officer, partner, new Sent("meeting_logged", NOW.minus(Duration.ofMinutes(10))),
                new Sent("referral_sent", NOW.minus(Duration.ofMinutes(10))));
        ScoreChangePage page = client.scores().changes(empty.getNextCursor(), 50);

        assertThat(page.getItems()).extracting(ScoreChange::getKind, ScoreChange::getFrom, ScoreChange::getTo, ScoreChange::getCause)
                .containsExactlyInAnyOrder(
                        tuple(ScoreChangeKind.TIER, "cold", "hot", ScoreChangeCause.EVENT),
                        tuple(ScoreChangeKind.STAGE, "technoship", "relationship", ScoreChangeCause.EVENT));
        assertThat(page.getItems()).allSatisfy(c -> {
            assertThat(c.getRelationshipId()).isEqualTo(relationshipId(client, officer, partner));
            assertThat(c.getChangedAt().toInstant()).isEqualTo(NOW);
        });
        ScoreChangePage after = client.scores().changes(page.getNextCursor(), 50);
        assertThat(after.getItems()).isEmpty();
        assertThat(after.getNextCursor()).isEqualTo(page.getNextCursor());
    }

    @Test
    void anotherOrganizationsIds_answer404() {
        RapportClient owner = SERVER.newOrg().client();
        Officer officer = anOfficer().create(owner);
        Partner partner = aPartner().create(owner);
        send(owner, officer, partner, new Sent("app_opened", NOW));
        UUID relationshipId = relationshipId(owner, officer, partner);
        RapportClient stranger = SERVER.newOrg().client();

        assertThatThrownBy(() -> stranger.scores().forRelationship(relationshipId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.scores().rankedPartners(officer.getId(), 10, null, null, null, null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.scores().forPartner(partner.getId())).isInstanceOf(NotFoundException.class);
        assertThat(stranger.scores().changes(null, 50).getItems()).isEmpty();
    }

    @Test
    void badCursors_answerProblemsNamingTheParameter() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);

        assertThatThrownBy(() -> client.scores().rankedPartners(officer.getId(), 10, "not-a-cursor", null, null, null, null))
                .isInstanceOfSatisfying(RapportApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.problem().getErrors()).extracting(f -> f.getField()).containsExactly("cursor");
                });
        assertThatThrownBy(() -> client.scores().changes("bm9wZQ", 10))
                .isInstanceOfSatisfying(RapportApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.problem().getErrors()).extracting(f -> f.getField()).containsExactly("cursor");
                });
    }

    static void send(RapportClient client, Officer officer, Partner partner, Sent... events) {
        List<UsageEventInput> inputs = new ArrayList<>();
        for (Sent event : events) {
            inputs.add(anEvent(event.at()).type(event.type()).pair(officer, partner).input());
        }
        assertThat(client.events().send(inputs).getAccepted()).isEqualTo(events.length);
    }

    static UUID relationshipId(RapportClient client, Officer officer, Partner partner) {
        return client.relationships().find(officer.getId(), partner.getId()).orElseThrow().getId();
    }

    private static List<UUID> ids(ScoredPartnerPage page) {
        return page.getItems().stream().map(ScoredPartner::getPartnerId).toList();
    }

}
