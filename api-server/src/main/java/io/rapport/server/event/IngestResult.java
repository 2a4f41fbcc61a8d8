package io.rapport.server.event;

import java.util.List;
import java.util.UUID;

/**
 * The per-event answer to a batch: the ids stored, the ids that were repeats (one per repeated event, in
 * batch order), and why the rest were not stored.
 */
public record IngestResult(List<UUID> acceptedEventIds, List<UUID> duplicateEventIds, List<EventRejection> rejected) {

    public int accepted() {
        return acceptedEventIds.size();
    }

    public int duplicates() {
        return duplicateEventIds.size();
    }
}
