package io.rapport.server.event;

import io.rapport.server.common.time.Ids;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Finds the relationships of officer × partner pairs, creating the missing ones on first sight. Most
 * batches name known pairs, so it reads first and writes only what is missing: one round trip then.
 */
public class RelationshipRegistry {
    private final Clock clock;
    private final Ids ids;

    public RelationshipRegistry(Clock clock) {
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    /** The relationship id of every pair, inside the caller's transaction. */
    public Map<Pair, UUID> ensure(Handle handle, UUID orgId, Collection<Pair> pairs) {
        RelationshipDao dao = handle.attach(RelationshipDao.class);
        Map<Pair, UUID> found = find(dao, orgId, pairs);
        if (found.size() == pairs.size()) {
            return found;
        }
        List<Pair> missing = pairs.stream().filter(p -> !found.containsKey(p)).toList();
        dao.insertPairs(orgId, missing.stream().map(p -> ids.next()).toArray(UUID[]::new),
                missing.stream().map(Pair::officerId).toArray(UUID[]::new),
                missing.stream().map(Pair::partnerId).toArray(UUID[]::new), clock.instant());
        // A new statement sees pairs a concurrent transaction committed while our insert waited on them.
        found.putAll(find(dao, orgId, missing));
        return found;
    }

    private static Map<Pair, UUID> find(RelationshipDao dao, UUID orgId, Collection<Pair> pairs) {
        List<Pair> list = new ArrayList<>(pairs);
        Map<Pair, UUID> found = new HashMap<>();
        dao.findPairs(orgId, list.stream().map(Pair::officerId).toArray(UUID[]::new),
                        list.stream().map(Pair::partnerId).toArray(UUID[]::new))
                .forEach(r -> found.put(new Pair(r.officerId(), r.partnerId()), r.relationshipId()));
        return found;
    }
}
