package io.rapport.server.score.engine;

/** What the officer should do next: mirror the partner's interest, never overbearing (DESIGN §4). */
public record NextStep(String code, String reason) {
    static final NextStep THANK_AND_SUPPORT = new NextStep("thank_and_support",
            "They send you business: thank them and offer concierge help with their own business planning.");
    static final NextStep CHECK_IN = new NextStep("check_in",
            "Their interest is fading: a personal check-in now, before it goes cold.");
    static final NextStep INVITE_TO_MEET = new NextStep("invite_to_meet",
            "Clearly interested but you have never met: they are ready for a coffee.");
    static final NextStep ASK_FOR_FEEDBACK = new NextStep("ask_for_feedback",
            "You meet, but they have not told you what could be better: ask for their feedback.");
    static final NextStep ASK_FOR_BUSINESS = new NextStep("ask_for_business",
            "Trust is earned: ask how you can help each other grow.");
    static final NextStep SEND_PERSONAL_NOTE = new NextStep("send_personal_note",
            "Interest is warming: a short personal note, nothing more.");
    static final NextStep SHARE_USEFUL_TOOL = new NextStep("share_useful_tool",
            "Interest is low: a small, useful digital touch such as a calculator or market report.");

    /** The table in rule order: the earlier the rule, the stronger the signal behind it. */
    static final java.util.List<NextStep> TABLE = java.util.List.of(THANK_AND_SUPPORT, CHECK_IN, INVITE_TO_MEET,
            ASK_FOR_FEEDBACK, ASK_FOR_BUSINESS, SEND_PERSONAL_NOTE, SHARE_USEFUL_TOOL);

    /** This step's rule number, 1..7. */
    public int rule() {
        return TABLE.indexOf(this) + 1;
    }

    /** The first matching rule of the table wins; the order is the rule. */
    public static NextStep of(Stage stage, Tier tier, Trend trend) {
        if (stage == Stage.ADVOCATE) {
            return THANK_AND_SUPPORT;
        }
        if (trend == Trend.COOLING && tier.atLeast(Tier.WARMING)) {
            return CHECK_IN;
        }
        if (tier.atLeast(Tier.ENGAGED) && stage == Stage.TECHNOSHIP) {
            return INVITE_TO_MEET;
        }
        if (stage == Stage.RELATIONSHIP) {
            return ASK_FOR_FEEDBACK;
        }
        if (stage == Stage.TRUSTED) {
            return ASK_FOR_BUSINESS;
        }
        return tier == Tier.WARMING ? SEND_PERSONAL_NOTE : SHARE_USEFUL_TOOL;
    }
}
