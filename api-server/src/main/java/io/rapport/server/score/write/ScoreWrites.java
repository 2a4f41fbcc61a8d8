package io.rapport.server.score.write;

import io.rapport.server.common.jdbi.PgArrays;
import io.rapport.server.score.engine.AdviceFacts;
import io.rapport.server.score.engine.ScoreState;
import io.rapport.server.score.engine.ScoringModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A batch of score rows to write, as the column arrays {@link ScoreDao} unnests; times as epoch
 * microseconds. The typed arrays go binary ({@code common.jdbi.ArrayArgumentFactory}); a row this
 * transaction locked also carries the address of the version it locked.
 */
public final class ScoreWrites {
    private final List<String> ctids = new ArrayList<>();
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
    private final List<Double> appRaws = new ArrayList<>();
    private final List<Long> lastTouches = new ArrayList<>();
    private final List<String> lastTouchTypes = new ArrayList<>();
    private final List<Long> lastSignals = new ArrayList<>();
    private final List<Long> lastReachOuts = new ArrayList<>();
    private final List<String> lastReachOutTypes = new ArrayList<>();
    private final List<Long> lastUses = new ArrayList<>();
    private final List<Long> previousUses = new ArrayList<>();
    private final List<Long> lastInstalls = new ArrayList<>();
    private final List<Long> lastUninstalls = new ArrayList<>();
    private final List<Long> readyForMeetings = new ArrayList<>();
    private final List<String> cappedDays = new ArrayList<>();
    private final List<String> recents = new ArrayList<>();
    private final List<Integer> changes = new ArrayList<>();
    private final List<Integer> changeScores = new ArrayList<>();
    private final List<Long> changeUntils = new ArrayList<>();

    /** A row this transaction locked, to be written back at the address of the version it locked. */
    void add(LockedScore locked, Settlement settled, ScoringModel model) {
        ScoreRow row = locked.score().row();
        ctids.add(locked.ctid());
        add(row.relationshipId(), row.officerId(), row.partnerId(), settled, model);
    }

    /** A new row. */
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
        typeRaws.add(StoredScoreMapper.typeRawsJson(StoredScore.typeRawsAt(state, state.total().refTime(), model)));
        tiers.add(settled.tier());
        stages.add(settled.stage());
        dueAts.add(micros(settled.dueAt()));
        rankKeys.add(settled.rankKey());
        AdviceFacts advice = state.advice();
        appRaws.add(state.appSignals().raw());
        lastTouches.add(micros(advice.lastTouchAt()));
        lastTouchTypes.add(advice.lastTouchType());
        lastSignals.add(micros(advice.lastSignalAt()));
        lastReachOuts.add(micros(advice.lastReachOutAt()));
        lastReachOutTypes.add(advice.lastReachOutType());
        lastUses.add(micros(advice.lastUseAt()));
        previousUses.add(micros(advice.previousUseAt()));
        lastInstalls.add(micros(advice.lastInstalledAt()));
        lastUninstalls.add(micros(advice.lastUninstalledAt()));
        readyForMeetings.add(micros(settled.readyForMeetingAt()));
        cappedDays.add(StoredScoreMapper.cappedDaysJson(state.cappedDays()));
        recents.add(StoredScoreMapper.recentJson(state.window()));
        changes.add(settled.weekChange().change());
        changeScores.add(settled.weekChange().score());
        changeUntils.add(micros(settled.weekChange().until()));
    }

    boolean isEmpty() {
        return relationshipIds.isEmpty();
    }

    static Long micros(Instant instant) {
        return instant == null ? null : Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1000);
    }

    /** The locked versions' addresses as a {@code tid[]} literal. */
    public String ctids() {
        return PgArrays.texts(ctids, ctid -> ctid);
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

    public Double[] appRaws() {
        return appRaws.toArray(Double[]::new);
    }

    public Long[] lastTouches() {
        return lastTouches.toArray(Long[]::new);
    }

    public String[] lastTouchTypes() {
        return lastTouchTypes.toArray(String[]::new);
    }

    public Long[] lastSignals() {
        return lastSignals.toArray(Long[]::new);
    }

    public Long[] lastReachOuts() {
        return lastReachOuts.toArray(Long[]::new);
    }

    public String[] lastReachOutTypes() {
        return lastReachOutTypes.toArray(String[]::new);
    }

    public Long[] lastUses() {
        return lastUses.toArray(Long[]::new);
    }

    public Long[] previousUses() {
        return previousUses.toArray(Long[]::new);
    }

    public Long[] lastInstalls() {
        return lastInstalls.toArray(Long[]::new);
    }

    public Long[] lastUninstalls() {
        return lastUninstalls.toArray(Long[]::new);
    }

    public Long[] readyForMeetings() {
        return readyForMeetings.toArray(Long[]::new);
    }

    public String[] cappedDays() {
        return cappedDays.toArray(String[]::new);
    }

    public String[] recents() {
        return recents.toArray(String[]::new);
    }

    public Integer[] changes() {
        return changes.toArray(Integer[]::new);
    }

    public Integer[] changeScores() {
        return changeScores.toArray(Integer[]::new);
    }

    public Long[] changeUntils() {
        return changeUntils.toArray(Long[]::new);
    }
}
