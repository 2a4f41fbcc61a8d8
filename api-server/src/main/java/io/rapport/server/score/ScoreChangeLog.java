package io.rapport.server.score;

import io.rapport.server.webhook.WebhookOutbox;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Appends changes to the feed inside the caller's transaction. */
public final class ScoreChangeLog {
    private ScoreChangeLog() {
    }

    /** All changes share {@code changedAt}: they are one transaction's. */
    public static void append(Handle handle, UUID orgId, List<ScoreChange> changes, Instant changedAt) {
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
        // the deliveries of these changes commit or roll back with them
        WebhookOutbox.enqueueScoreChanges(handle, orgId, first, last);
    }
}
