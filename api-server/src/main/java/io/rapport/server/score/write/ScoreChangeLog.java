package io.rapport.server.score.write;

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

    /** All changes share {@code changedAt}: they are one transaction's. */
    public void append(Handle handle, UUID orgId, List<ScoreChange> changes, Instant changedAt) {
        if (changes.isEmpty()) {
            return;
        }
        ScoreChangeDao dao = handle.attach(ScoreChangeDao.class);
        long last = dao.reserve(orgId, changes.size());
        long first = last - changes.size() + 1;
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
        // what the listeners write commits or rolls back with the changes
        for (ScoreChangeListener listener : listeners) {
            listener.onRecorded(handle, orgId, first, last);
        }
    }
}
