package io.rapport.server.event;

import io.rapport.server.common.paging.Cursor;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reads of relationships, so integrators can find the id of an officer × partner pair. */
public class RelationshipService {
    private final Jdbi jdbi;

    public RelationshipService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Relationship get(UUID orgId, UUID relationshipId) {
        return jdbi.withExtension(RelationshipDao.class, dao -> dao.find(orgId, relationshipId))
                .orElseThrow(() -> ApiProblemException.notFound("Relationship " + relationshipId));
    }

    public Page<Relationship> list(UUID orgId, UUID officerId, UUID partnerId, String cursor, int limit) {
        UUID after = Cursor.decode(cursor);
        return Page.of(jdbi.withExtension(RelationshipDao.class,
                dao -> dao.list(orgId, after, officerId, partnerId, limit + 1)), limit, Relationship::relationshipId);
    }
}
