package io.rapport.server.content;

import io.rapport.server.event.EventRejection;
import io.rapport.server.event.EventValidator;
import io.rapport.server.event.ResolvedEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * An event that names a {@code contentId} must name an item of the sender's organization; another
 * organization's id reads as unknown. One query checks the whole batch, and only the events that
 * name an unknown item are rejected.
 */
public class ContentEventValidator implements EventValidator {
    static final String UNKNOWN_CONTENT = "unknown_content";

    @Override
    public List<EventRejection> validate(Handle handle, UUID orgId, List<ResolvedEvent> events) {
        UUID[] named = events.stream().map(ResolvedEvent::contentId).filter(Objects::nonNull).distinct()
                .toArray(UUID[]::new);
        if (named.length == 0) {
            return List.of();
        }
        Set<UUID> known = new HashSet<>(handle.attach(ContentDao.class).existing(orgId, named));
        return events.stream()
                .filter(e -> e.contentId() != null && !known.contains(e.contentId()))
                .map(e -> new EventRejection(e.index(), e.eventId(), UNKNOWN_CONTENT, "contentId",
                        "names no content item of this organization"))
                .toList();
    }
}
