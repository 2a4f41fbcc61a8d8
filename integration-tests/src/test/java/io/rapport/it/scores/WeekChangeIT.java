package io.rapport.it.scores;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.scores.Expected.Sent;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerSort;
import io.rapport.sdk.model.PartnerType;
import io.rapport.sdk.model.Stage;
import io.rapport.sdk.model.Tier;
import io.rapport.sdk.model.Trend;
import io.rapport.sdk.model.ScoredPartner;
import io.rapport.sdk.model.ScoredPartnerPage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code scoreChange7d} and the ranked list sorted by it. */
class WeekChangeIT {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant WEEK_AGO = NOW.minus(Duration.ofDays(7));
    private static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK)
            .with("scoring.sweepInterval", "1h");

    @Test
    void rankedPartners_byChange7d_putThisWeeksGrowthAboveAHigherFlatScore_withExactChanges() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Map<UUID, List<Sent>> sent = new LinkedHashMap<>();
        UUID grower = pair(client, officer, sent, new Sent("contact_tapped", days(2)), new Sent("contact_tapped", days(2)),
                new Sent("contact_tapped", days(3)), new Sent("app_opened", days(20)));
        UUID flat = pair(client, officer, sent, new Sent("referral_sent", days(10)), new Sent("referral_sent", days(12)),
                new Sent("meeting_logged", days(9)), new Sent("app_opened", days(1)));
        // an event exactly 7 days ago already counts in the score of 7 days ago
        UUID edge = pair(client, officer, sent, new Sent("card_shared", WEEK_AGO), new Sent("profile_viewed", days(1)));
        UUID fading = pair(client, officer, sent, new Sent("feedback_given", days(30)));

        List<ScoredPartner> byChange = allPages(client, officer, PartnerSort.CHANGE7D);
        List<ScoredPartner> byScore = allPages(client, officer, null);

        Map<UUID, Integer> expectedChange = new LinkedHashMap<>();
        sent.forEach((partner, events) -> expectedChange.put(partner, expectedChange(events)));
        assertThat(expectedChange.get(grower)).isGreaterThan(50);
        assertThat(expectedChange.get(flat)).isBetween(-10, 0);
        assertThat(byChange).extracting(ScoredPartner::getPartnerId)
                .containsExactlyElementsOf(expectedChange.entrySet().stream()
                        .sorted(Map.Entry.<UUID, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList());
        assertThat(byChange.indexOf(find(byChange, grower))).isLessThan(byChange.indexOf(find(byChange, flat)));
        assertThat(find(byScore, flat).getScore()).isGreaterThan(find(byScore, grower).getScore());
        assertThat(byScore).extracting(ScoredPartner::getPartnerId).first().isEqualTo(flat);
        assertThat(byChange).allSatisfy(p -> assertThat(p.getScoreChange7d()).as("change of %s", p.getPartnerId())
                .isEqualTo(expectedChange.get(p.getPartnerId())));
        assertThat(byScore).extracting(ScoredPartner::getScoreChange7d).containsOnlyNulls();
        assertThat(find(byChange, edge).getScore()).isEqualTo(Expected.score(Expected.interest(sent.get(edge), NOW)));
        assertThat(find(byChange, fading).getScoreChange7d()).isNegative();
    }

    @Test
    void rankedPartners_byChange7d_tiesGoByScore_andPagesNeitherSkipNorRepeat() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Map<UUID, List<Sent>> sent = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            // old events only: each change is the decay of its score, several tie at the same change
            pair(client, officer, sent, new Sent("referral_sent", days(8 + 40 * i)));
            pair(client, officer, sent, new Sent("app_opened", days(9 + i)));
        }

        List<ScoredPartner> byChange = allPages(client, officer, PartnerSort.CHANGE7D);

        assertThat(byChange).extracting(ScoredPartner::getPartnerId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sent.keySet());
        assertThat(byChange).isSortedAccordingTo(Comparator.comparing(ScoredPartner::getScoreChange7d).reversed()
                .thenComparing(Comparator.comparing(ScoredPartner::getScore).reversed()));
        assertThat(byChange).allSatisfy(p ->
                assertThat(p.getScoreChange7d()).isEqualTo(expectedChange(sent.get(p.getPartnerId()))));
        // the tie-break is exercised: several rows share a change
        assertThat(byChange.stream().map(ScoredPartner::getScoreChange7d).distinct().count()).isLessThan(byChange.size());
    }

    @Test
    void aBatchOfManyEventsJustBeforeTheWindow_isScored_andLeavesTheChangeExact() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Map<UUID, List<Sent>> sent = new LinkedHashMap<>();
        // more than the row keeps one by one, all in the hour a row keeps after the window (for other nodes'
        // clocks): the window read again from the events must then hold none of them
        pair(client, officer, sent, java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> new Sent("content_viewed", WEEK_AGO.minus(Duration.ofMinutes(30)))).toArray(Sent[]::new));
        pair(client, officer, sent, new Sent("contact_tapped", days(1)));

        assertExactChanges(allPages(client, officer, PartnerSort.CHANGE7D), sent, NOW);
    }

    @Test
    void rankedPartners_byChange7d_filterLikeTheScoreSort() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Map<UUID, List<Sent>> sent = new LinkedHashMap<>();
        pair(client, officer, sent, new Sent("referral_sent", days(2)), new Sent("referral_sent", days(30)));
        pair(client, officer, sent, new Sent("meeting_logged", days(3)), new Sent("contact_tapped", days(1)));
        pair(client, officer, sent, new Sent("content_viewed", days(1)), new Sent("calculator_used", days(2)),
                new Sent("content_viewed", days(3)));
        pair(client, officer, sent, new Sent("content_viewed", days(40)), new Sent("calculator_used", days(45)));
        pair(client, officer, sent, new Sent("app_opened", days(1)));

        // each value the server knows (the SDK's enums also hold one for values it does not)
        for (Tier tier : List.of(Tier.COLD, Tier.WARMING, Tier.ENGAGED, Tier.HOT)) {
            assertSameMembers(client, officer, tier, null, null);
        }
        for (Stage stage : List.of(Stage.TECHNOSHIP, Stage.RELATIONSHIP, Stage.TRUSTED, Stage.ADVOCATE)) {
            assertSameMembers(client, officer, null, stage, null);
        }
        for (Trend trend : List.of(Trend.RISING, Trend.STEADY, Trend.COOLING)) {
            assertSameMembers(client, officer, null, null, trend);
        }
        assertThat(client.scores().rankedPartners(officer.getId(), 50, null, null, null, null, PartnerType.REALTOR,
                PartnerSort.CHANGE7D).getItems()).extracting(ScoredPartner::getPartnerId)
                .containsExactlyInAnyOrderElementsOf(client.scores().rankedPartners(officer.getId(), 50, null, null, null,
                        null, PartnerType.REALTOR).getItems().stream().map(ScoredPartner::getPartnerId).toList());
    }

    private static void assertSameMembers(RapportClient client, Officer officer, Tier tier, Stage stage, Trend trend) {
        List<UUID> byScore = client.scores().rankedPartners(officer.getId(), 50, null, tier, stage, trend, null)
                .getItems().stream().map(ScoredPartner::getPartnerId).toList();
        assertThat(client.scores().rankedPartners(officer.getId(), 50, null, tier, stage, trend, null, PartnerSort.CHANGE7D)
                .getItems()).as("tier %s, stage %s, trend %s", tier, stage, trend)
                .extracting(ScoredPartner::getPartnerId).containsExactlyInAnyOrderElementsOf(byScore);
    }

    @Test
    void rankedPartners_byChange7d_refuseACursorOfTheScoreSort() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Map<UUID, List<Sent>> sent = new LinkedHashMap<>();
        pair(client, officer, sent, new Sent("app_opened", days(1)));
        pair(client, officer, sent, new Sent("app_opened", days(2)));
        String scoreCursor = client.scores().rankedPartners(officer.getId(), 1, null, null, null, null, null)
                .getNextCursor();

        assertThatThrownBy(() -> client.scores().rankedPartners(officer.getId(), 1, scoreCursor, null, null, null, null,
                PartnerSort.CHANGE7D))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("validation_failed"));
    }

    @Test
    void rankedPartners_byChange7d_stayExactAsTheWeekMovesOn_withoutEventsAndAfterTheSweep() throws Exception {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Map<UUID, List<Sent>> sent = new LinkedHashMap<>();
        pair(client, officer, sent, new Sent("contact_tapped", days(1)), new Sent("contact_tapped", days(6)));
        pair(client, officer, sent, new Sent("referral_sent", days(3)), new Sent("meeting_logged", days(40)));
        pair(client, officer, sent, new Sent("feedback_given", days(20)));
        pair(client, officer, sent, new Sent("app_opened", days(0)), new Sent("app_opened", days(2)),
                new Sent("calculator_used", days(5)), new Sent("content_viewed", days(8)));
        pair(client, officer, sent, new Sent("card_shared", days(6).plus(Duration.ofHours(20))));
        // a busy week: more contributions than the row keeps one by one, so their sum begins to leave the window
        // on the third step and the window is read again from the events
        pair(client, officer, sent, java.util.stream.IntStream.range(0, 24)
                .mapToObj(i -> new Sent("content_viewed", days(6).plus(Duration.ofHours(2L * i)))).toArray(Sent[]::new));
        try {
            // each step lets contributions leave the window and scores fall with no event: stored changes stop
            // holding, reads compute them until the sweep has stored them again
            for (Duration step : List.of(Duration.ofHours(5), Duration.ofHours(30), Duration.ofDays(3), Duration.ofDays(5))) {
                CLOCK.advance(step);
                Instant now = CLOCK.instant();
                assertExactChanges(allPages(client, officer, PartnerSort.CHANGE7D), sent, now);
                assertThat(ScoreSweepIT.sweep(SERVER)).isPositive();
                assertExactChanges(allPages(client, officer, PartnerSort.CHANGE7D), sent, now);
            }
        } finally {
            CLOCK.set(NOW);
        }
    }

    private static void assertExactChanges(List<ScoredPartner> byChange, Map<UUID, List<Sent>> sent, Instant now) {
        assertThat(byChange).extracting(ScoredPartner::getPartnerId).containsExactlyInAnyOrderElementsOf(sent.keySet());
        assertThat(byChange).allSatisfy(p -> {
            assertThat(p.getScoreChange7d()).as("change of %s at %s", p.getPartnerId(), now)
                    .isEqualTo(expectedChange(sent.get(p.getPartnerId()), now));
            assertThat(p.getScore()).isEqualTo(Expected.score(Expected.interest(sent.get(p.getPartnerId()), now)));
        });
        assertThat(byChange).isSortedAccordingTo(Comparator.comparing(ScoredPartner::getScoreChange7d).reversed()
                .thenComparing(Comparator.comparing(ScoredPartner::getScore).reversed()));
    }

    /** Score now minus the score 7 days ago, each from the events that had happened by then. */
    private static int expectedChange(List<Sent> events) {
        return expectedChange(events, NOW);
    }

    private static int expectedChange(List<Sent> events, Instant now) {
        Instant weekAgo = now.minus(Duration.ofDays(7));
        // a daily-capped open counts from its day's start, so it is in the week-old score from then on
        List<Sent> byThen = events.stream().filter(e -> !(e.type().equals("app_opened")
                ? e.at().truncatedTo(java.time.temporal.ChronoUnit.DAYS) : e.at()).isAfter(weekAgo)).toList();
        return Expected.score(Expected.interest(events, now)) - Expected.score(Expected.interest(byThen, weekAgo));
    }

    private static UUID pair(RapportClient client, Officer officer, Map<UUID, List<Sent>> sent, Sent... events) {
        Partner partner = aPartner().create(client);
        ScoresIT.send(client, officer, partner, events);
        sent.put(partner.getId(), List.of(events));
        return partner.getId();
    }

    private static List<ScoredPartner> allPages(RapportClient client, Officer officer, PartnerSort sort) {
        List<ScoredPartner> all = new ArrayList<>();
        String cursor = null;
        do {
            ScoredPartnerPage page = client.scores().rankedPartners(officer.getId(), 1, cursor, null, null, null, null, sort);
            assertThat(page.getItems()).hasSizeLessThanOrEqualTo(1);
            all.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);
        return all;
    }

    private static ScoredPartner find(List<ScoredPartner> list, UUID partnerId) {
        return list.stream().filter(p -> p.getPartnerId().equals(partnerId)).findFirst().orElseThrow();
    }

    private static Instant days(int n) {
        return NOW.minus(Duration.ofDays(n));
    }
}
