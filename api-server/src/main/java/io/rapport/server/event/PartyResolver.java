package io.rapport.server.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

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

    /** How an event names its officer × partner pair, each side by id or external id: one lookup row per naming. */
    private record Named(UUID officerId, String officerExternalId, UUID partnerId, String partnerExternalId) {
        Named(EventInput e) {
            this(e.officerId(), e.officerExternalId(), e.partnerId(), e.partnerExternalId());
        }
    }

    static Resolution resolve(Handle handle, UUID orgId, List<EventInput> events, Duration skew,
                              List<EventRejection> rejected) {
        Map<Named, EventInput> pairs = new LinkedHashMap<>();
        events.forEach(e -> pairs.putIfAbsent(new Named(e), e));
        List<Known> known = IngestStatements.known(handle, orgId,
                distinct(events, EventInput::officerId), distinct(events, EventInput::officerExternalId),
                distinct(events, EventInput::partnerId), distinct(events, EventInput::partnerExternalId),
                List.copyOf(pairs.values()));
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

    private static <T> List<T> distinct(List<EventInput> events, Function<EventInput, T> id) {
        return events.stream().map(id).filter(Objects::nonNull).distinct().toList();
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
