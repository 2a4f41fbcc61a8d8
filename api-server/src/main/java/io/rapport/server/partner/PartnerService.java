package io.rapport.server.partner;

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

public class PartnerService {
    private static final String EXTERNAL_ID_KEY = "partner_org_id_external_id_key";
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;

    public PartnerService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    public Partner create(UUID orgId, PartnerDraft draft) {
        return guarded(draft, () -> jdbi.withExtension(PartnerDao.class,
                dao -> dao.insert(orgId, ids.next(), draft, Timestamps.now(clock))));
    }

    public Partner get(UUID orgId, UUID partnerId) {
        return jdbi.withExtension(PartnerDao.class, dao -> dao.find(orgId, partnerId))
                .orElseThrow(() -> ApiProblemException.notFound("Partner " + partnerId));
    }

    public Page<Partner> list(UUID orgId, String type, Boolean active, String cursor, int limit) {
        UUID after = Cursor.decode(cursor);
        return Page.of(jdbi.withExtension(PartnerDao.class, dao -> dao.list(orgId, after, type, active, limit + 1)),
                limit, Partner::partnerId);
    }

    public Partner update(UUID orgId, UUID partnerId, PartnerDraft draft) {
        return guarded(draft, () -> jdbi.withExtension(PartnerDao.class,
                        dao -> dao.update(orgId, partnerId, draft, Timestamps.now(clock))))
                .orElseThrow(() -> ApiProblemException.notFound("Partner " + partnerId));
    }

    /** Create or replace by the CRM's id; the id in the path wins over one in the body. */
    public PartnerUpsert upsert(UUID orgId, String externalId, PartnerDraft draft) {
        PartnerDraft keyed = draft.withExternalId(externalId);
        return jdbi.withExtension(PartnerDao.class, dao -> dao.upsert(orgId, ids.next(), keyed, Timestamps.now(clock)));
    }

    private static <T> T guarded(PartnerDraft draft, Supplier<T> write) {
        try {
            return write.get();
        } catch (StatementException e) {
            if (SqlErrors.isUniqueViolation(e, EXTERNAL_ID_KEY)) {
                throw ApiProblemException.conflict("external_id_taken",
                        "Another partner already has externalId '" + draft.externalId() + "'");
            }
            throw e;
        }
    }
}
