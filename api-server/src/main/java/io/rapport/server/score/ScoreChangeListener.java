package io.rapport.server.score;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Told of every batch of tier and stage changes the feed records, inside the transaction that records
 * them, so whatever it writes (webhook deliveries) commits or rolls back with the changes. Features that
 * react to scores implement this; the score package knows none of them.
 */
public interface ScoreChangeListener {

    /** The organization's feed entries {@code firstSeq..lastSeq}, just inserted by the caller. */
    void onRecorded(Handle handle, UUID orgId, long firstSeq, long lastSeq);
}
