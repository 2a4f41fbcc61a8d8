package io.rapport.server.score.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The next-step table of DESIGN §4, rule by rule, each at the edges of its windows. */
class NextStepTest {
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final Duration MICRO = Duration.ofNanos(1000);

    @Test
    void rule1_touchedWithinSevenDaysAndNoSignalSince_isGiveSpace() {
        AdviceFacts touched = advice().touch("note_sent", daysAgo(7)).signal(daysAgo(8)).build();
        assertThat(step(Stage.ADVOCATE, Tier.HOT, Trend.RISING, touched)).isEqualTo("give_space");
        assertThat(NextStep.of(situation(Stage.TECHNOSHIP, Tier.COLD, Trend.STEADY, touched)).fact())
                .isEqualTo("You sent a note 7 days ago; nothing from them since.");

        AdviceFacts lapsed = advice().touch("call_made", daysAgo(7).minus(MICRO)).build();
        assertThat(step(Stage.TECHNOSHIP, Tier.COLD, Trend.STEADY, lapsed)).isEqualTo("share_useful_tool");

        AdviceFacts answered = advice().touch("tool_shared", daysAgo(3)).signal(daysAgo(3).plus(MICRO)).build();
        assertThat(step(Stage.TECHNOSHIP, Tier.COLD, Trend.STEADY, answered)).isEqualTo("share_useful_tool");

        AdviceFacts sameInstant = advice().touch("note_sent", daysAgo(3)).signal(daysAgo(3)).build();
        assertThat(step(Stage.TECHNOSHIP, Tier.COLD, Trend.STEADY, sameInstant)).isEqualTo("give_space");
    }

    @Test
    void rule2_advocateOrReferralWithinThirtyDays_isThankAndSupport() {
        assertThat(step(Stage.ADVOCATE, Tier.COLD, Trend.COOLING, AdviceFacts.NONE)).isEqualTo("thank_and_support");
        StageFacts referred = new StageFacts(null, null, daysAgo(30), null);
        assertThat(NextStep.of(new Situation(NOW, Tier.WARMING, Trend.COOLING, 0.2, Stage.TECHNOSHIP, referred,
                AdviceFacts.NONE)).code()).isEqualTo("thank_and_support");
        StageFacts longAgo = new StageFacts(null, null, daysAgo(30).minus(MICRO), null);
        assertThat(NextStep.of(new Situation(NOW, Tier.WARMING, Trend.COOLING, 0.2, Stage.TECHNOSHIP, longAgo,
                AdviceFacts.NONE)).code()).isEqualTo("check_in");
    }

    @Test
    void rule3_uninstalledAtTechnoship_isShareUsefulTool_evenWhenEngaged() {
        AdviceFacts gone = advice().reachOut("contact_tapped", daysAgo(2)).installed(daysAgo(20)).uninstalled(daysAgo(1))
                .build();
        NextStep step = NextStep.of(situation(Stage.TECHNOSHIP, Tier.ENGAGED, Trend.COOLING, gone));
        assertThat(step.code()).isEqualTo("share_useful_tool");
        assertThat(step.rule()).isEqualTo(3);

        AdviceFacts reinstalled = advice().reachOut("contact_tapped", daysAgo(2)).installed(daysAgo(1))
                .uninstalled(daysAgo(20)).build();
        assertThat(step(Stage.TECHNOSHIP, Tier.ENGAGED, Trend.STEADY, reinstalled)).isEqualTo("invite_to_meet");
        assertThat(step(Stage.RELATIONSHIP, Tier.ENGAGED, Trend.STEADY, gone)).isEqualTo("ask_for_feedback");
    }

    @Test
    void rule4_coolingAtWarmingOrBetter_isCheckIn() {
        assertThat(step(Stage.TRUSTED, Tier.WARMING, Trend.COOLING, AdviceFacts.NONE)).isEqualTo("check_in");
        assertThat(step(Stage.TECHNOSHIP, Tier.HOT, Trend.COOLING, reachedOut(1))).isEqualTo("check_in");
        assertThat(step(Stage.TECHNOSHIP, Tier.COLD, Trend.COOLING, AdviceFacts.NONE)).isEqualTo("share_useful_tool");
    }

    @Test
    void rule5_engagedNeverMetAndReachedOutWithinThirtyDays_isInviteToMeet() {
        assertThat(step(Stage.TECHNOSHIP, Tier.ENGAGED, Trend.STEADY, reachedOut(30))).isEqualTo("invite_to_meet");
        assertThat(NextStep.of(situation(Stage.TECHNOSHIP, Tier.HOT, Trend.RISING, reachedOut(3))).fact())
                .isEqualTo("Tapped to contact you 3 days ago; no meeting in 90 days.");
        AdviceFacts stale = advice().reachOut("contact_tapped", daysAgo(30).minus(MICRO)).build();
        assertThat(step(Stage.TECHNOSHIP, Tier.HOT, Trend.STEADY, stale)).isEqualTo("share_useful_tool");
        assertThat(step(Stage.TECHNOSHIP, Tier.WARMING, Trend.STEADY, reachedOut(1))).isEqualTo("share_useful_tool");
    }

    @Test
    void rule6_relationship_isAskForFeedback_andRule7_trusted_isAskForBusiness() {
        assertThat(step(Stage.RELATIONSHIP, Tier.COLD, Trend.STEADY, AdviceFacts.NONE)).isEqualTo("ask_for_feedback");
        assertThat(step(Stage.RELATIONSHIP, Tier.HOT, Trend.STEADY, reachedOut(1))).isEqualTo("ask_for_feedback");
        assertThat(step(Stage.TRUSTED, Tier.ENGAGED, Trend.RISING, reachedOut(1))).isEqualTo("ask_for_business");
    }

    @Test
    void rule8_realUseOnTwoDaysWithinThirty_isSendPersonalNote_atAnyTier() {
        AdviceFacts habit = advice().use(daysAgo(2), daysAgo(30)).build();
        assertThat(step(Stage.TECHNOSHIP, Tier.COLD, Trend.STEADY, habit)).isEqualTo("send_personal_note");
        assertThat(step(Stage.TECHNOSHIP, Tier.HOT, Trend.STEADY, habit)).isEqualTo("send_personal_note");
        AdviceFacts curiosity = advice().use(daysAgo(2), daysAgo(30).minus(MICRO)).build();
        assertThat(step(Stage.TECHNOSHIP, Tier.WARMING, Trend.STEADY, curiosity)).isEqualTo("share_useful_tool");
    }

    @Test
    void rule9_otherwise_isShareUsefulTool() {
        NextStep step = NextStep.of(situation(Stage.TECHNOSHIP, Tier.COLD, Trend.STEADY, AdviceFacts.NONE));
        assertThat(step.code()).isEqualTo("share_useful_tool");
        assertThat(step.rule()).isEqualTo(9);
    }

    @Test
    void everyStep_carriesAReasonAndTheFactBehindIt() {
        AdviceFacts[] facts = {AdviceFacts.NONE, reachedOut(2), advice().touch("call_made", daysAgo(1)).build(),
                advice().use(daysAgo(1), daysAgo(3)).build(), advice().uninstalled(daysAgo(4)).build()};
        StageFacts stageFacts = new StageFacts(daysAgo(20), daysAgo(40), daysAgo(50), daysAgo(300));
        for (Stage stage : Stage.values()) {
            for (Tier tier : Tier.values()) {
                for (Trend trend : Trend.values()) {
                    for (AdviceFacts advice : facts) {
                        NextStep step = NextStep.of(new Situation(NOW, tier, trend, 0.3, stage, stageFacts, advice));
                        assertThat(step.reason()).hasSizeGreaterThan(20).endsWith(".");
                        assertThat(step.fact()).hasSizeGreaterThan(10).endsWith(".").doesNotContain("null");
                        assertThat(step.rule()).isBetween(1, 9);
                    }
                }
            }
        }
    }

    private static String step(Stage stage, Tier tier, Trend trend, AdviceFacts advice) {
        return NextStep.of(situation(stage, tier, trend, advice)).code();
    }

    private static Situation situation(Stage stage, Tier tier, Trend trend, AdviceFacts advice) {
        StageFacts stageFacts = switch (stage) {
            case TECHNOSHIP -> StageFacts.NONE;
            case RELATIONSHIP -> new StageFacts(daysAgo(20), null, null, null);
            case TRUSTED -> new StageFacts(daysAgo(20), daysAgo(40), null, null);
            case ADVOCATE -> new StageFacts(null, null, daysAgo(60), daysAgo(200));
        };
        return new Situation(NOW, tier, trend, trend == Trend.COOLING ? 0.3 : 1.0, stage, stageFacts, advice);
    }

    private static AdviceFacts reachedOut(int days) {
        return advice().reachOut("contact_tapped", daysAgo(days)).build();
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static Builder advice() {
        return new Builder();
    }

    /** Facts as folding events would leave them. */
    private static final class Builder {
        private AdviceFacts facts = AdviceFacts.NONE;

        Builder touch(String type, Instant at) {
            facts = facts.plus(type, at);
            return this;
        }

        Builder signal(Instant at) {
            facts = facts.plus("app_opened", at);
            return this;
        }

        Builder reachOut(String type, Instant at) {
            facts = facts.plus(type, at);
            return this;
        }

        Builder use(Instant latest, Instant earlier) {
            facts = facts.plus("calculator_used", latest).plus("content_viewed", earlier);
            return this;
        }

        Builder installed(Instant at) {
            facts = facts.plus("app_installed", at);
            return this;
        }

        Builder uninstalled(Instant at) {
            facts = facts.plus("app_uninstalled", at);
            return this;
        }

        AdviceFacts build() {
            return facts;
        }
    }
}
