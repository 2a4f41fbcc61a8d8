package io.rapport.server.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Resolves every event's officer and partner, by id or external id, with one query per kind for the
 * whole batch. An unknown or deactivated officer or partner rejects that event only. Another
 * organization's ids are simply not found: the queries are scoped to the sender's organization.
 */
final class PartyResolver {
    private PartyResolver() {
    }

    static List<ResolvedEvent> resolve(EventDao dao, UUID orgId, List<EventInput> events, Duration skew,
                                       List<EventRejection> rejected) {
        Directory officers = new Directory(dao.officers(orgId, ids(events, EventInput::officerId),
                externalIds(events, EventInput::officerExternalId)));
        Directory partners = new Directory(dao.partners(orgId, ids(events, EventInput::partnerId),
                externalIds(events, EventInput::partnerExternalId)));
        List<ResolvedEvent> resolved = new ArrayList<>(events.size());
        for (EventInput e : events) {
            Party officer = officers.find(e.officerId(), e.officerExternalId());
            Party partner = partners.find(e.partnerId(), e.partnerExternalId());
            EventRejection problem = problem(e, officer, "officer", e.officerId() != null);
            if (problem == null) {
                problem = problem(e, partner, "partner", e.partnerId() != null);
            }
            if (problem != null) {
                rejected.add(problem);
            } else {
                resolved.add(new ResolvedEvent(e.index(), e.eventId(), e.type(),
                        EventRules.corrected(e.occurredAt(), skew), officer.id(), partner.id(), e.contentId(),
                        e.propertiesJson()));
            }
        }
        return resolved;
    }

    private static EventRejection problem(EventInput e, Party party, String who, boolean byId) {
        String field = byId ? who + "Id" : who + "ExternalId";
        if (party == null) {
            return EventRules.reject(e, who + "_not_found", field, "names no " + who + " of this organization");
        }
        if (!party.active()) {
            return EventRules.reject(e, who + "_deactivated", field, "names a deactivated " + who);
        }
        return null;
    }

    private static UUID[] ids(List<EventInput> events, Function<EventInput, UUID> id) {
        return events.stream().map(id).filter(Objects::nonNull).distinct().toArray(UUID[]::new);
    }

    private static String[] externalIds(List<EventInput> events, Function<EventInput, String> id) {
        return events.stream().map(id).filter(Objects::nonNull).distinct().toArray(String[]::new);
    }

    private static final class Directory {
        private final Map<UUID, Party> byId = new HashMap<>();
        private final Map<String, Party> byExternalId = new HashMap<>();

        Directory(List<Party> parties) {
            for (Party party : parties) {
                byId.put(party.id(), party);
                if (party.externalId() != null) {
                    byExternalId.put(party.externalId(), party);
                }
            }
        }

        Party find(UUID id, String externalId) {
            return id != null ? byId.get(id) : byExternalId.get(externalId);
        }
    }
}
