package io.rapport.server.score;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Told of what a scoring transaction recorded (tier and stage changes in the feed, partners an event made
 * ready for a meeting), inside that transaction, so whatever it writes (webhook deliveries) commits or rolls
 * back with them. Features that react to scores implement this; the score package knows none of them.
 */
public interface ScoreChangeListener {

    void onRecorded(Handle handle, UUID orgId, RecordedChanges recorded);
}
