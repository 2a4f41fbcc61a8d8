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
        if (found.size() < pairs.size()) {
            found.putAll(create(dao, orgId, pairs.stream().filter(p -> !found.containsKey(p)).toList()));
        }
        return found;
    }

    /**
     * The relationship id of every pair that an earlier statement of the caller's transaction did not find:
     * created now, or, when another transaction created it meanwhile, read back.
     */
    Map<Pair, UUID> createMissing(Handle handle, UUID orgId, Collection<Pair> missing) {
        return create(handle.attach(RelationshipDao.class), orgId, missing);
    }

    private Map<Pair, UUID> create(RelationshipDao dao, UUID orgId, Collection<Pair> missing) {
        List<Pair> list = new ArrayList<>(missing);
        Map<Pair, UUID> created = new HashMap<>();
        dao.insertPairs(orgId, list.stream().map(p -> ids.next()).toArray(UUID[]::new),
                        list.stream().map(Pair::officerId).toArray(UUID[]::new),
                        list.stream().map(Pair::partnerId).toArray(UUID[]::new), clock.instant())
                .forEach(r -> created.put(new Pair(r.officerId(), r.partnerId()), r.relationshipId()));
        if (created.size() < list.size()) {
            // Created by a concurrent transaction: our insert waited for it to commit, and a new statement sees it.
            created.putAll(find(dao, orgId, list.stream().filter(p -> !created.containsKey(p)).toList()));
        }
        return created;
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
