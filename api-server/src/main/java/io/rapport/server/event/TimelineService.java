package io.rapport.server.event;

import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Timelines of usage events, newest first, one keyset page at a time. */
public class TimelineService {
    private final Jdbi jdbi;

    public TimelineService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Page<UsageEvent> ofRelationship(UUID orgId, UUID relationshipId, TimelineFilter filter, String cursor, int limit) {
        TimelineCursor after = TimelineCursor.decode(cursor);
        return jdbi.withHandle(handle -> {
            if (handle.attach(RelationshipDao.class).find(orgId, relationshipId).isEmpty()) {
                throw ApiProblemException.notFound("Relationship " + relationshipId);
            }
            return page(handle.attach(EventDao.class).relationshipTimeline(orgId, relationshipId, filter.type(),
                    filter.from(), filter.to(), at(after), id(after), limit + 1), limit);
        });
    }

    public Page<UsageEvent> ofPartner(UUID orgId, UUID partnerId, TimelineFilter filter, String cursor, int limit) {
        TimelineCursor after = TimelineCursor.decode(cursor);
        return jdbi.withHandle(handle -> {
            EventDao dao = handle.attach(EventDao.class);
            if (!dao.partnerExists(orgId, partnerId)) {
                throw ApiProblemException.notFound("Partner " + partnerId);
            }
            return page(dao.partnerTimeline(orgId, partnerId, filter.type(), filter.from(), filter.to(),
                    at(after), id(after), limit + 1), limit);
        });
    }

    private static Page<UsageEvent> page(List<UsageEvent> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<UsageEvent> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, TimelineCursor.after(items.get(limit - 1)));
    }

    private static java.time.Instant at(TimelineCursor cursor) {
        return cursor == null ? null : cursor.occurredAt();
    }

    private static UUID id(TimelineCursor cursor) {
        return cursor == null ? null : cursor.eventId();
    }
}
