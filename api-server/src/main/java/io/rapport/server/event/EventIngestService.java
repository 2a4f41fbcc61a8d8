package io.rapport.server.event;

import io.rapport.server.common.jdbi.SqlObjects;
import io.rapport.server.common.problem.ApiProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Ingests a batch of usage events. Each event is judged alone; the valid ones are stored in one
 * transaction with a handful of set-based statements whatever the batch size, and the listeners
 * (scoring, installs) run inside that same transaction, so a committed event always has its effects.
 */
public class EventIngestService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final RelationshipRegistry relationships;
    private final List<EventValidator> validators;
    private final List<AcceptedEventsListener> listeners;
    private final MissingPartners missingPartners;

    public EventIngestService(Jdbi jdbi, Clock clock, RelationshipRegistry relationships,
                              List<EventValidator> validators, List<AcceptedEventsListener> listeners) {
        this(jdbi, clock, relationships, validators, listeners, MissingPartners.NONE);
    }

    public EventIngestService(Jdbi jdbi, Clock clock, RelationshipRegistry relationships,
                              List<EventValidator> validators, List<AcceptedEventsListener> listeners,
                              MissingPartners missingPartners) {
        this.missingPartners = missingPartners;
        this.jdbi = jdbi;
        this.clock = clock;
        this.relationships = relationships;
        this.validators = List.copyOf(validators);
        this.listeners = List.copyOf(listeners);
        SqlObjects.warm(jdbi, RelationshipDao.class);
    }

    /** {@code sentAt}, when not null, is the client's clock at sending: its skew is taken out of every event. */
    public IngestResult ingest(Sender sender, Instant sentAt, List<EventInput> inputs) {
        // to the microsecond, as stored: scoring compares it with occurredAt exactly as rescore does in SQL
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Duration skew = sentAt == null ? Duration.ZERO : Duration.between(sentAt, receivedAt);
        List<EventRejection> rejected = new ArrayList<>();
        List<EventInput> passed = new ArrayList<>(inputs.size());
        EventRules.Window window = EventRules.Window.of(receivedAt, skew);
        for (EventInput input : inputs) {
            EventInput e = sender.restricted() ? input.defaultingTo(sender.onlyOfficerId(), sender.onlyPartnerId()) : input;
            if (!sender.allowsType(e.type())) {
                rejected.add(new EventRejection(e.index(), e.eventId(), "event_type_not_allowed", "type",
                        "this credential may only send the types " + String.join(", ", sender.onlyTypes())));
                continue;
            }
            EventRejection broken = EventRules.firstBroken(e, window);
            if (broken != null) {
                rejected.add(broken);
            } else {
                passed.add(e);
            }
        }
        requireOwnRelationship(sender, passed.stream().map(e -> new Pair(e.officerId(), e.partnerId())).toList());
        Outcome outcome = passed.isEmpty() ? new Outcome(List.of(), List.of())
                : storeRetryingOnce(sender, receivedAt, skew, passed, rejected);
        rejected.sort(Comparator.comparingInt(EventRejection::index));
        return new IngestResult(outcome.accepted(), outcome.duplicates(), List.copyOf(rejected));
    }

    /**
     * A partner erased while this batch was in flight (its relationships deleted after the batch resolved them)
     * fails the batch's insert with a foreign-key violation. The batch is then stored again from the start, once:
     * resolving it again finds the partner's tombstone, so its events are rejected {@code partner_erased} and the
     * others are stored. Nothing is held between the attempts.
     */
    private Outcome storeRetryingOnce(Sender sender, Instant receivedAt, Duration skew, List<EventInput> passed,
                                      List<EventRejection> rejected) {
        int rejectedBefore = rejected.size();
        try {
            return jdbi.inTransaction(handle -> store(handle, sender, receivedAt, skew, passed, rejected));
        } catch (RuntimeException e) {
            if (!isForeignKeyViolation(e)) {
                throw e;
            }
            rejected.subList(rejectedBefore, rejected.size()).clear();
            return jdbi.inTransaction(handle -> store(handle, sender, receivedAt, skew, passed, rejected));
        }
    }

    private static boolean isForeignKeyViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23503".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The ids stored, and the ids of the events that were repeats, both in batch order. */
    private record Outcome(List<UUID> accepted, List<UUID> duplicates) {
    }

    private Outcome store(Handle handle, Sender sender, Instant receivedAt, Duration skew, List<EventInput> passed,
                        List<EventRejection> rejected) {
        UUID orgId = sender.orgId();
        PartyResolver.Resolution resolution = PartyResolver.resolve(handle, orgId, passed, skew, rejected);
        if (rejected.stream().anyMatch(r -> MissingPartners.NOT_FOUND.equals(r.code()))) {
            missingPartners.explain(handle, orgId, passed, rejected);
        }
        List<ResolvedEvent> resolved = resolution.events();
        requireOwnRelationship(sender, resolved.stream().map(e -> new Pair(e.officerId(), e.partnerId())).toList());
        resolved = applyValidators(handle, orgId, resolved, rejected);
        Map<UUID, ResolvedEvent> unique = new LinkedHashMap<>();
        resolved.forEach(e -> unique.putIfAbsent(e.eventId(), e));
        if (unique.isEmpty()) {
            return new Outcome(List.of(), List.of());
        }
        List<AcceptedEvent> accepted = insert(handle, orgId, receivedAt, List.copyOf(unique.values()),
                resolution.relationships());
        if (!accepted.isEmpty()) {
            listeners.forEach(listener -> listener.onAccepted(handle, orgId, accepted));
        }
        return outcome(resolved, accepted);
    }

    /**
     * An event is a duplicate unless it is the first occurrence of an id the insert returned: ids already
     * stored, and later repeats inside the batch, are listed once per occurrence.
     */
    private static Outcome outcome(List<ResolvedEvent> resolved, List<AcceptedEvent> accepted) {
        List<UUID> acceptedIds = accepted.stream().map(AcceptedEvent::eventId).toList();
        Set<UUID> firstOccurrences = new HashSet<>(acceptedIds);
        List<UUID> duplicateIds = new ArrayList<>(resolved.size() - acceptedIds.size());
        for (ResolvedEvent e : resolved) {
            if (!firstOccurrences.remove(e.eventId())) {
                duplicateIds.add(e.eventId());
            }
        }
        return new Outcome(acceptedIds, duplicateIds);
    }

    private List<ResolvedEvent> applyValidators(Handle handle, UUID orgId, List<ResolvedEvent> events,
                                                List<EventRejection> rejected) {
        List<ResolvedEvent> remaining = events;
        for (EventValidator validator : validators) {
            if (remaining.isEmpty()) {
                break;
            }
            List<EventRejection> found = validator.validate(handle, orgId, remaining);
            Set<Integer> failed = new HashSet<>();
            found.forEach(r -> failed.add(r.index()));
            rejected.addAll(found);
            remaining = remaining.stream().filter(e -> !failed.contains(e.index())).toList();
        }
        return remaining;
    }

    /** {@code known}: the relationships the resolving query found; the missing ones are created first. */
    private List<AcceptedEvent> insert(Handle handle, UUID orgId, Instant receivedAt,
                                       List<ResolvedEvent> events, Map<Pair, UUID> known) {
        Map<Pair, UUID> relationshipOf = new HashMap<>(known);
        int size = events.size();
        Pair[] pairs = new Pair[size];
        Set<Pair> missing = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            ResolvedEvent e = events.get(i);
            pairs[i] = new Pair(e.officerId(), e.partnerId());
            if (!relationshipOf.containsKey(pairs[i])) {
                missing.add(pairs[i]);
            }
        }
        if (!missing.isEmpty()) {
            relationshipOf.putAll(relationships.createMissing(handle, orgId, missing));
        }
        List<UUID> relationshipIds = new ArrayList<>(size);
        long[] occurredMicros = new long[size];
        for (int i = 0; i < size; i++) {
            relationshipIds.add(relationshipOf.get(pairs[i]));
            occurredMicros[i] = micros(events.get(i).occurredAt());
        }
        Set<UUID> stored = new HashSet<>(IngestStatements.insert(handle, orgId, receivedAt, events, relationshipIds,
                occurredMicros, propertiesArray(events)));
        List<AcceptedEvent> accepted = new ArrayList<>(stored.size());
        for (int i = 0; i < events.size(); i++) {
            ResolvedEvent e = events.get(i);
            if (stored.contains(e.eventId())) {
                accepted.add(new AcceptedEvent(e.eventId(), relationshipIds.get(i), e.officerId(), e.partnerId(), e.type(),
                        e.occurredAt(), receivedAt, e.contentId(), e.propertiesJson()));
            }
        }
        return accepted;
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** One JSON array of every event's properties, already serialized; {@code null} where there are none. */
    private static String propertiesArray(List<ResolvedEvent> events) {
        StringBuilder json = new StringBuilder(events.size() * 32).append('[');
        for (ResolvedEvent e : events) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(e.propertiesJson() == null ? "null" : e.propertiesJson());
        }
        return json.append(']').toString();
    }

    /** An install token writes for its own relationship only, an embed token for its officer; anything else is refused as a whole. */
    private static void requireOwnRelationship(Sender sender, List<Pair> pairs) {
        if (!sender.restricted()) {
            return;
        }
        for (Pair pair : pairs) {
            boolean otherOfficer = pair.officerId() != null && !Objects.equals(pair.officerId(), sender.onlyOfficerId());
            boolean otherPartner = sender.onlyPartnerId() != null && pair.partnerId() != null
                    && !Objects.equals(pair.partnerId(), sender.onlyPartnerId());
            if (otherOfficer && sender.onlyPartnerId() == null) {
                throw ApiProblemException.forbidden("embed_officer_mismatch",
                        "An embed token may only send events for its own officer");
            }
            if (otherOfficer || otherPartner) {
                throw ApiProblemException.forbidden("install_relationship_mismatch",
                        "An install token may only send events for its own officer and partner");
            }
        }
    }
}
