package io.rapport.server.officer;

import io.rapport.server.common.jdbi.SqlErrors;
import io.rapport.server.common.paging.Cursor;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Ids;
import io.rapport.server.common.time.Timestamps;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

public class OfficerService {
    private static final String EXTERNAL_ID_KEY = "officer_org_id_external_id_key";
    private static final String BRANCH_KEY = "officer_org_id_branch_id_fkey";
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;

    public OfficerService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    public Officer create(UUID orgId, OfficerDraft draft) {
        return guarded(draft, () -> jdbi.withExtension(OfficerDao.class,
                dao -> dao.insert(orgId, ids.next(), draft, Timestamps.now(clock))));
    }

    public Officer get(UUID orgId, UUID officerId) {
        return jdbi.withExtension(OfficerDao.class, dao -> dao.find(orgId, officerId))
                .orElseThrow(() -> ApiProblemException.notFound("Officer " + officerId));
    }

    public Page<Officer> list(UUID orgId, UUID branchId, Boolean active, String cursor, int limit) {
        UUID after = Cursor.decode(cursor);
        return Page.of(jdbi.withExtension(OfficerDao.class, dao -> dao.list(orgId, after, branchId, active, limit + 1)),
                limit, Officer::officerId);
    }

    public Officer update(UUID orgId, UUID officerId, OfficerDraft draft) {
        return guarded(draft, () -> jdbi.withExtension(OfficerDao.class,
                        dao -> dao.update(orgId, officerId, draft, Timestamps.now(clock))))
                .orElseThrow(() -> ApiProblemException.notFound("Officer " + officerId));
    }

    /** Create or replace by the CRM's id; the id in the path wins over one in the body. */
    public OfficerUpsert upsert(UUID orgId, String externalId, OfficerDraft draft) {
        OfficerDraft keyed = draft.withExternalId(externalId);
        return guarded(keyed, () -> jdbi.withExtension(OfficerDao.class,
                dao -> dao.upsert(orgId, ids.next(), keyed, Timestamps.now(clock))));
    }

    private static <T> T guarded(OfficerDraft draft, Supplier<T> write) {
        OfficerCards.requireHttpLinks(draft.socialLinks());
        try {
            return write.get();
        } catch (StatementException e) {
            if (SqlErrors.isUniqueViolation(e, EXTERNAL_ID_KEY)) {
                throw ApiProblemException.conflict("external_id_taken",
                        "Another officer already has externalId '" + draft.externalId() + "'");
            }
            if (SqlErrors.isForeignKeyViolation(e, BRANCH_KEY)) {
                throw ApiProblemException.invalid("branchId", "is not a branch of this organization");
            }
            throw e;
        }
    }
}
