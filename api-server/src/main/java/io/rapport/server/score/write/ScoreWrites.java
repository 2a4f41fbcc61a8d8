package io.rapport.server.score.write;

import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A batch of score rows to write, as the column arrays {@link ScoreDao} unnests; times as epoch
 * microseconds, which PgJDBC sends without the per-character escaping it gives text arrays.
 */
public final class ScoreWrites {
    private final List<UUID> relationshipIds = new ArrayList<>();
    private final List<UUID> officerIds = new ArrayList<>();
    private final List<UUID> partnerIds = new ArrayList<>();
    private final List<Double> raws = new ArrayList<>();
    private final List<Double> shortRaws = new ArrayList<>();
    private final List<Long> refTimes = new ArrayList<>();
    private final List<Long> lastActivities = new ArrayList<>();
    private final List<Long> meetings = new ArrayList<>();
    private final List<Long> feedbacks = new ArrayList<>();
    private final List<Long> lastReferrals = new ArrayList<>();
    private final List<Long> previousReferrals = new ArrayList<>();
    private final List<String> typeRaws = new ArrayList<>();
    private final List<String> tiers = new ArrayList<>();
    private final List<String> stages = new ArrayList<>();
    private final List<Long> dueAts = new ArrayList<>();
    private final List<Double> rankKeys = new ArrayList<>();

    void add(UUID relationshipId, UUID officerId, UUID partnerId, Settlement settled, ScoringModel model) {
        ScoreState state = settled.state();
        relationshipIds.add(relationshipId);
        officerIds.add(officerId);
        partnerIds.add(partnerId);
        raws.add(state.total().raw());
        shortRaws.add(state.shortTerm().raw());
        refTimes.add(micros(state.total().refTime()));
        lastActivities.add(micros(state.lastActivityAt()));
        meetings.add(micros(state.facts().lastMeetingAt()));
        feedbacks.add(micros(state.facts().lastFeedbackAt()));
        lastReferrals.add(micros(state.facts().lastReferralAt()));
        previousReferrals.add(micros(state.facts().previousReferralAt()));
        typeRaws.add(StoredScoreMapper.json(StoredScore.typeRawsAt(state, state.total().refTime(), model)));
        tiers.add(settled.tier());
        stages.add(settled.stage());
        dueAts.add(micros(settled.dueAt()));
        rankKeys.add(settled.rankKey());
    }

    boolean isEmpty() {
        return relationshipIds.isEmpty();
    }

    private static Long micros(Instant instant) {
        return instant == null ? null : Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1000);
    }

    public UUID[] relationshipIds() {
        return relationshipIds.toArray(UUID[]::new);
    }

    public UUID[] officerIds() {
        return officerIds.toArray(UUID[]::new);
    }

    public UUID[] partnerIds() {
        return partnerIds.toArray(UUID[]::new);
    }

    public Double[] raws() {
        return raws.toArray(Double[]::new);
    }

    public Double[] shortRaws() {
        return shortRaws.toArray(Double[]::new);
    }

    public Long[] refTimes() {
        return refTimes.toArray(Long[]::new);
    }

    public Long[] lastActivities() {
        return lastActivities.toArray(Long[]::new);
    }

    public Long[] meetings() {
        return meetings.toArray(Long[]::new);
    }

    public Long[] feedbacks() {
        return feedbacks.toArray(Long[]::new);
    }

    public Long[] lastReferrals() {
        return lastReferrals.toArray(Long[]::new);
    }

    public Long[] previousReferrals() {
        return previousReferrals.toArray(Long[]::new);
    }

    public String[] typeRaws() {
        return typeRaws.toArray(String[]::new);
    }

    public String[] tiers() {
        return tiers.toArray(String[]::new);
    }

    public String[] stages() {
        return stages.toArray(String[]::new);
    }

    public Long[] dueAts() {
        return dueAts.toArray(Long[]::new);
    }

    public Double[] rankKeys() {
        return rankKeys.toArray(Double[]::new);
    }
}
