package io.rapport.server.webhook;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** The events a subscription may ask for: score changes (and what they make ready), and referrals as they are ingested. */
public final class WebhookEventTypes {
    public static final String TIER_CHANGED = "score.tier_changed";
    public static final String STAGE_CHANGED = "relationship.stage_changed";
    public static final String READY_FOR_MEETING = "relationship.ready_for_meeting";
    public static final String REFERRAL_RECEIVED = "referral.received";
    public static final Set<String> ALL = Set.of(TIER_CHANGED, STAGE_CHANGED, READY_FOR_MEETING, REFERRAL_RECEIVED);

    private WebhookEventTypes() {
    }

    /** The values of {@code types} that are not in the catalogue, each with its index. */
    static List<Integer> unknown(List<String> types) {
        return IntStream.range(0, types.size()).filter(i -> !ALL.contains(types.get(i))).boxed().toList();
    }
}
