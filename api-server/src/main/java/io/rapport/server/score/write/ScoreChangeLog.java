package io.rapport.server.score.write;

import io.rapport.server.score.RecordedChanges.ReadyForMeeting;
import io.rapport.server.score.RecordedChanges;
import io.rapport.server.score.ScoreChangeListener;
import io.rapport.server.score.engine.ScoreChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Appends changes to the feed inside the caller's transaction, and tells the listeners of them there. */
public final class ScoreChangeLog {
    private final List<ScoreChangeListener> listeners;

    public ScoreChangeLog(List<ScoreChangeListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Changes alone (the sweep, a rescore): nobody becomes ready for a meeting without an event. */
    public void append(Handle handle, UUID orgId, List<ScoreChange> changes, Instant changedAt) {
        append(handle, orgId, changes, List.of(), changedAt);
    }

    /** All changes share {@code changedAt}: they are one transaction's. */
    public void append(Handle handle, UUID orgId, List<ScoreChange> changes, List<ReadyForMeeting> ready,
                       Instant changedAt) {
        if (changes.isEmpty() && ready.isEmpty()) {
            return;
        }
        long last = 0;
        long first = 1;
        if (!changes.isEmpty()) {
            ScoreChangeDao dao = handle.attach(ScoreChangeDao.class);
            last = dao.reserve(orgId, changes.size());
            first = last - changes.size() + 1;
            insert(dao, orgId, changes, first, changedAt);
        }
        RecordedChanges recorded = new RecordedChanges(first, last, ready, changedAt);
        // what the listeners write commits or rolls back with the changes
        for (ScoreChangeListener listener : listeners) {
            listener.onRecorded(handle, orgId, recorded);
        }
    }

    private static void insert(ScoreChangeDao dao, UUID orgId, List<ScoreChange> changes, long first, Instant changedAt) {
        int n = changes.size();
        Long[] seqs = new Long[n];
        for (int i = 0; i < n; i++) {
            seqs[i] = first + i;
        }
        dao.insert(orgId, seqs,
                changes.stream().map(ScoreChange::relationshipId).toArray(UUID[]::new),
                changes.stream().map(ScoreChange::officerId).toArray(UUID[]::new),
                changes.stream().map(ScoreChange::partnerId).toArray(UUID[]::new),
                changes.stream().map(ScoreChange::kind).toArray(String[]::new),
                changes.stream().map(ScoreChange::fromValue).toArray(String[]::new),
                changes.stream().map(ScoreChange::toValue).toArray(String[]::new),
                changes.stream().map(ScoreChange::score).toArray(Integer[]::new),
                changes.stream().map(ScoreChange::cause).toArray(String[]::new),
                changedAt);
    }
}
