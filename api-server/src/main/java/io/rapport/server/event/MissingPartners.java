package io.rapport.server.event;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Says why partners a batch names were not found, when there is more to say than "not found" (the privacy
 * feature answers {@code partner_erased} for a tombstoned partner). Called inside the ingest transaction
 * only when some event was rejected {@code partner_not_found}, so a batch of known partners pays nothing.
 */
public interface MissingPartners {
    String NOT_FOUND = "partner_not_found";

    /**
     * Replaces, in {@code rejected}, the {@code partner_not_found} rejections it can explain better.
     * {@code events}: the batch's events that passed the built-in rules, by their {@code index}.
     */
    void explain(Handle handle, UUID orgId, List<EventInput> events, List<EventRejection> rejected);

    MissingPartners NONE = (handle, orgId, events, rejected) -> {
    };
}
