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
 * Resolves every event's officer and partner, by id or external id, and finds the relationships that
 * already exist between them, with one query for the whole batch. An unknown or deactivated officer or
 * partner rejects that event only. Another organization's ids are simply not found: the query is scoped to
 * the sender's organization.
 */
final class PartyResolver {
    private PartyResolver() {
    }

    /** The events whose parties resolved, and the relationship of every pair among them that exists. */
    record Resolution(List<ResolvedEvent> events, Map<Pair, UUID> relationships) {
    }

    /** An officer × partner pair as an event names it: each side by id or by external id. */
    private record Named(UUID officerId, String officerExternalId, UUID partnerId, String partnerExternalId) {
        Named(EventInput e) {
            this(e.officerId(), e.officerExternalId(), e.partnerId(), e.partnerExternalId());
        }
    }

    static Resolution resolve(EventDao dao, UUID orgId, List<EventInput> events, Duration skew,
                              List<EventRejection> rejected) {
        List<Named> pairs = events.stream().map(Named::new).distinct().toList();
        List<Known> known = dao.known(orgId,
                ids(events, EventInput::officerId), externalIds(events, EventInput::officerExternalId),
                ids(events, EventInput::partnerId), externalIds(events, EventInput::partnerExternalId),
                pairs.stream().map(Named::officerId).toArray(UUID[]::new),
                pairs.stream().map(Named::officerExternalId).toArray(String[]::new),
                pairs.stream().map(Named::partnerId).toArray(UUID[]::new),
                pairs.stream().map(Named::partnerExternalId).toArray(String[]::new));
        List<Party> parties = new ArrayList<>();
        Map<Pair, UUID> relationships = new HashMap<>();
        for (Known row : known) {
            if (row.kind().equals(Known.RELATIONSHIP)) {
                relationships.put(new Pair(row.officerId(), row.partnerId()), row.id());
            } else {
                parties.add(row.party());
            }
        }
        return new Resolution(resolve(parties, events, skew, rejected), relationships);
    }

    private static List<ResolvedEvent> resolve(List<Party> parties, List<EventInput> events, Duration skew,
                                               List<EventRejection> rejected) {
        Directory officers = new Directory(parties, Party.OFFICER);
        Directory partners = new Directory(parties, Party.PARTNER);
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

        Directory(List<Party> parties, String kind) {
            for (Party party : parties) {
                if (!party.kind().equals(kind)) {
                    continue;
                }
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
