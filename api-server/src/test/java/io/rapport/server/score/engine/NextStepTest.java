package io.rapport.server.score.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NextStepTest {

    @Test
    void rule1_advocate_isThankAndSupport_evenWhenCooling() {
        assertThat(NextStep.of(Stage.ADVOCATE, Tier.HOT, Trend.COOLING).code()).isEqualTo("thank_and_support");
        assertThat(NextStep.of(Stage.ADVOCATE, Tier.COLD, Trend.STEADY).code()).isEqualTo("thank_and_support");
    }

    @Test
    void rule2_coolingWarmingOrBetter_isCheckIn() {
        assertThat(NextStep.of(Stage.TRUSTED, Tier.WARMING, Trend.COOLING).code()).isEqualTo("check_in");
        assertThat(NextStep.of(Stage.TECHNOSHIP, Tier.HOT, Trend.COOLING).code()).isEqualTo("check_in");
        assertThat(NextStep.of(Stage.TECHNOSHIP, Tier.COLD, Trend.COOLING).code()).isEqualTo("share_useful_tool");
    }

    @Test
    void rule3_engagedOrHotNeverMet_isInviteToMeet() {
        assertThat(NextStep.of(Stage.TECHNOSHIP, Tier.ENGAGED, Trend.STEADY).code()).isEqualTo("invite_to_meet");
        assertThat(NextStep.of(Stage.TECHNOSHIP, Tier.HOT, Trend.RISING).code()).isEqualTo("invite_to_meet");
    }

    @Test
    void rule4_relationship_isAskForFeedback() {
        assertThat(NextStep.of(Stage.RELATIONSHIP, Tier.HOT, Trend.STEADY).code()).isEqualTo("ask_for_feedback");
        assertThat(NextStep.of(Stage.RELATIONSHIP, Tier.COLD, Trend.STEADY).code()).isEqualTo("ask_for_feedback");
    }

    @Test
    void rule5_trusted_isAskForBusiness() {
        assertThat(NextStep.of(Stage.TRUSTED, Tier.ENGAGED, Trend.RISING).code()).isEqualTo("ask_for_business");
    }

    @Test
    void rule6_warming_isSendPersonalNote() {
        assertThat(NextStep.of(Stage.TECHNOSHIP, Tier.WARMING, Trend.RISING).code()).isEqualTo("send_personal_note");
    }

    @Test
    void rule7_cold_isShareUsefulTool() {
        assertThat(NextStep.of(Stage.TECHNOSHIP, Tier.COLD, Trend.STEADY).code()).isEqualTo("share_useful_tool");
    }

    @Test
    void everyStep_carriesAHumanReason() {
        for (Stage stage : Stage.values()) {
            for (Tier tier : Tier.values()) {
                for (Trend trend : Trend.values()) {
                    assertThat(NextStep.of(stage, tier, trend).reason()).hasSizeGreaterThan(20).endsWith(".");
                }
            }
        }
    }

    @Test
    void rule_numbersTheTableInItsOrder() {
        assertThat(NextStep.of(Stage.ADVOCATE, Tier.HOT, Trend.STEADY).rule()).isEqualTo(1);
        assertThat(NextStep.of(Stage.TECHNOSHIP, Tier.HOT, Trend.STEADY).rule()).isEqualTo(3);
        assertThat(NextStep.of(Stage.TECHNOSHIP, Tier.COLD, Trend.STEADY).rule()).isEqualTo(7);
    }
}
