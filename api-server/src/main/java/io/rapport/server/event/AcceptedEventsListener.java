package io.rapport.server.event;

import java.util.List;
import java.util.UUID;

/** Called inside the ingest transaction, after the insert, with the events it accepted. */
public interface AcceptedEventsListener {
    void onAccepted(org.jdbi.v3.core.Handle handle, UUID orgId, List<AcceptedEvent> events);
}
