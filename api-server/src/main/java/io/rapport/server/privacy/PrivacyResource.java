package io.rapport.server.privacy;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.PrivacyApi;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;

public class PrivacyResource implements PrivacyApi {
    private final ExportService exports;
    private final ErasureService erasures;

    public PrivacyResource(ExportService exports, ErasureService erasures) {
        this.exports = exports;
        this.erasures = erasures;
    }

    /** Found and audited before the status line; the body is written as it is read from the database. */
    @Override
    public Response exportPartner(UUID partnerId) {
        ExportService.Export export = exports.start(Callers.orgId(), partnerId);
        StreamingOutput body = out -> exports.writeTo(export, out);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public Response erasePartner(UUID partnerId) {
        PartnerErasure erasure = erasures.erase(Callers.orgId(), partnerId);
        return Response.ok(new io.rapport.server.generated.model.PartnerErasure()
                .partnerId(erasure.partnerId())
                .erasedAt(Timestamps.utc(erasure.erasedAt()))
                .alreadyErased(erasure.alreadyErased())
                .removed(erasure.removed().isEmpty() ? null : erasure.removed())).build();
    }
}
