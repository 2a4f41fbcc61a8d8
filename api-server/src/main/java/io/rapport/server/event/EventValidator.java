package io.rapport.server.event;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A rule another feature adds to event validation (the content feature checks {@code contentId}).
 * It runs inside the ingest transaction, once per batch, on the events that passed every built-in
 * rule, so it can check them all with one set-based query. The events it rejects are not stored;
 * the others go on.
 */
public interface EventValidator {
    List<EventRejection> validate(Handle handle, UUID orgId, List<ResolvedEvent> events);
}
