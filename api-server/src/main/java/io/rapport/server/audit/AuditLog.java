package io.rapport.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.common.auth.Caller;
import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.auth.InstallCaller;
import io.rapport.server.common.auth.OrgKeyCaller;
import io.rapport.server.common.auth.PlatformCaller;
import io.rapport.server.common.time.Ids;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.common.web.RequestIds;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Records one audited action on the handle of the transaction that performs it, so an action that
 * commits is recorded exactly once and one that rolls back is not recorded at all. The actor is the
 * request's authenticated caller (a key id, never a secret); the request id comes from the logging context.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Purpose: one audit entry, in the caller's transaction. */
    private static final String INSERT = """
            /* AuditLog.record */
            INSERT INTO audit_entry (org_id, audit_id, action, actor_type, actor_key_id, target_type, target_id,
                                     request_id, details, occurred_at)
            VALUES (:orgId, :auditId, :action, :actorType, :actorKeyId, :targetType, :targetId, :requestId,
                    CAST(:details AS jsonb), :now)
            """;
    private final Clock clock;
    private final Ids ids;

    public AuditLog(Clock clock) {
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    public void record(Handle handle, UUID orgId, String action, String targetType, Object targetId) {
        record(handle, orgId, action, targetType, targetId, null);
    }

    /** {@code details}: a small map of facts about the action (never a secret); may be null. */
    public void record(Handle handle, UUID orgId, String action, String targetType, Object targetId,
                       Map<String, ?> details) {
        Actor actor = actor(Callers.find().orElse(null));
        handle.createUpdate(INSERT)
                .bind("orgId", orgId)
                .bind("auditId", ids.next())
                .bind("action", action)
                .bind("actorType", actor.type())
                .bind("actorKeyId", actor.keyId())
                .bind("targetType", targetType)
                .bind("targetId", targetId == null ? null : targetId.toString())
                .bind("requestId", RequestIds.current())
                .bind("details", json(details))
                .bind("now", Timestamps.now(clock))
                .execute();
    }

    private record Actor(String type, UUID keyId) {
    }

    private static Actor actor(Caller caller) {
        if (caller instanceof OrgKeyCaller key) {
            return new Actor("api_key", key.keyId());
        }
        if (caller instanceof PlatformCaller) {
            return new Actor("platform_admin", null);
        }
        if (caller instanceof InstallCaller install) {
            return new Actor("install", install.installId());
        }
        return new Actor("system", null);
    }

    private static String json(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details are not serializable", e);
        }
    }
}
