package io.rapport.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.AuditApi;
import io.rapport.server.generated.model.AuditEntryPage;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.Map;

public class AuditResource implements AuditApi {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private final AuditService audit;
    private final ObjectMapper json;

    public AuditResource(AuditService audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @Override
    public Response listAuditEntries(Integer limit, String cursor, String action, OffsetDateTime from, OffsetDateTime to) {
        Page<AuditEntry> page = audit.list(Callers.orgId(), cursor, limit, action,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
        return Response.ok(new AuditEntryPage().items(page.map(this::toDto).items()).nextCursor(page.nextCursor())).build();
    }

    private io.rapport.server.generated.model.AuditEntry toDto(AuditEntry e) {
        return new io.rapport.server.generated.model.AuditEntry()
                .id(e.auditId())
                .action(e.action())
                .actorType(e.actorType())
                .actorKeyId(e.actorKeyId())
                .targetType(e.targetType())
                .targetId(e.targetId())
                .requestId(e.requestId())
                .occurredAt(Timestamps.utc(e.occurredAt()))
                .details(details(e.details()));
    }

    private Map<String, Object> details(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit details are not a JSON object", e);
        }
    }
}
