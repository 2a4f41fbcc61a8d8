package io.rapport.server.privacy;

import io.rapport.server.audit.AuditActions;
import io.rapport.server.audit.AuditLog;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Erases a partner in one transaction: tombstone first, then everything that names them, keeping the
 * anonymous activity the statistics count. Repeating it finds the tombstone and answers the first erasure.
 */
public class ErasureService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;

    public ErasureService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = new AuditLog(clock);
    }

    public PartnerErasure erase(UUID orgId, UUID partnerId) {
        return jdbi.inTransaction(handle -> {
            ErasureDao dao = handle.attach(ErasureDao.class);
            dao.shareModel(orgId);
            Optional<String> partner = dao.lockPartner(orgId, partnerId);
            if (partner.isEmpty()) {
                return dao.erasedAt(orgId, partnerId)
                        .map(at -> new PartnerErasure(partnerId, at, true, Map.of()))
                        .orElseThrow(() -> ApiProblemException.notFound("Partner " + partnerId));
            }
            Instant now = Timestamps.now(clock);
            dao.tombstone(orgId, partnerId, now);
            UUID[] relationships = dao.lockRelationships(orgId, partnerId).toArray(UUID[]::new);
            dao.lockScores(orgId, relationships);
            Map<String, Long> removed = new LinkedHashMap<>();
            removed.put("anonymousActivityKept", (long) dao.keepActivity(orgId, partnerId, UUID.randomUUID())
                    + dao.keepTierMoves(orgId, relationships));
            removed.put("events", (long) dao.deleteEvents(orgId, partnerId));
            removed.put("webhookDeliveries", (long) dao.deleteDeliveries(orgId, partnerId));
            removed.put("storedResponses", (long) dao.deleteStoredResponses(orgId, partnerId));
            removed.put("scoreChanges", (long) dao.deleteScoreChanges(orgId, relationships));
            removed.put("scores", (long) dao.deleteScores(orgId, relationships));
            removed.put("appInstalls", (long) dao.deleteInstalls(orgId, relationships));
            removed.put("relationships", (long) dao.deleteRelationships(orgId, relationships));
            removed.put("logos", (long) dao.deleteLogo(orgId, partnerId));
            removed.put("partners", (long) dao.deletePartner(orgId, partnerId));
            audit.record(handle, orgId, AuditActions.PARTNER_ERASED, "partner", partnerId, removed);
            return new PartnerErasure(partnerId, now, false, removed);
        });
    }

}
