package io.rapport.server.score.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StageFactsTest {
    private static final Instant NOW = Instant.parse("2026-06-30T09:00:00Z");
    private static final Duration MICRO = Duration.ofNanos(1000);

    @Test
    void digitalSignalsOnly_isTechnoship() {
        assertThat(StageFacts.NONE.plus("app_opened", NOW).stageAt(NOW)).isEqualTo(Stage.TECHNOSHIP);
    }

    @Test
    void meeting_countsUpToExactly90DaysBack() {
        Instant edge = NOW.minus(Duration.ofDays(90));

        assertThat(StageFacts.NONE.plus("meeting_logged", edge).stageAt(NOW)).isEqualTo(Stage.RELATIONSHIP);
        assertThat(StageFacts.NONE.plus("meeting_logged", edge.minus(MICRO)).stageAt(NOW)).isEqualTo(Stage.TECHNOSHIP);
    }

    @Test
    void feedback_countsUpToExactly180DaysBack_andNeedsARecentMeeting() {
        Instant meeting = NOW.minus(Duration.ofDays(10));
        Instant edge = NOW.minus(Duration.ofDays(180));
        StageFacts met = StageFacts.NONE.plus("meeting_logged", meeting);

        assertThat(met.plus("feedback_given", edge).stageAt(NOW)).isEqualTo(Stage.TRUSTED);
        assertThat(met.plus("feedback_given", edge.minus(MICRO)).stageAt(NOW)).isEqualTo(Stage.RELATIONSHIP);
        assertThat(StageFacts.NONE.plus("feedback_given", NOW).stageAt(NOW)).isEqualTo(Stage.TECHNOSHIP);
    }

    @Test
    void advocate_needsTwoReferralsWithinExactly365Days() {
        Instant edge = NOW.minus(Duration.ofDays(365));
        StageFacts one = StageFacts.NONE.plus("referral_sent", NOW.minus(Duration.ofDays(3)));

        assertThat(one.stageAt(NOW)).isEqualTo(Stage.TECHNOSHIP);
        assertThat(one.plus("referral_sent", edge).stageAt(NOW)).isEqualTo(Stage.ADVOCATE);
        assertThat(one.plus("referral_sent", edge.minus(MICRO)).stageAt(NOW)).isEqualTo(Stage.TECHNOSHIP);
    }

    @Test
    void referrals_keepTheTwoLatestWhateverTheArrivalOrder() {
        Instant a = NOW.minus(Duration.ofDays(400));
        Instant b = NOW.minus(Duration.ofDays(100));
        Instant c = NOW.minus(Duration.ofDays(5));

        StageFacts forward = StageFacts.NONE.plus("referral_sent", a).plus("referral_sent", b).plus("referral_sent", c);
        StageFacts backward = StageFacts.NONE.plus("referral_sent", c).plus("referral_sent", b).plus("referral_sent", a);

        assertThat(forward).isEqualTo(backward);
        assertThat(forward.lastReferralAt()).isEqualTo(c);
        assertThat(forward.previousReferralAt()).isEqualTo(b);
    }

    @Test
    void nextExpiryAfter_isTheFirstInstantAFactLeavesItsWindow() {
        Instant meeting = NOW.minus(Duration.ofDays(30));
        StageFacts facts = StageFacts.NONE.plus("meeting_logged", meeting).plus("feedback_given", NOW.minus(Duration.ofDays(100)));

        Instant expiry = facts.nextExpiryAfter(NOW);

        assertThat(expiry).isEqualTo(meeting.plus(Duration.ofDays(90)).plus(MICRO));
        assertThat(facts.stageAt(expiry.minus(MICRO))).isEqualTo(Stage.TRUSTED);
        assertThat(facts.stageAt(expiry)).isEqualTo(Stage.TECHNOSHIP);
        assertThat(StageFacts.NONE.nextExpiryAfter(NOW)).isNull();
    }
}
