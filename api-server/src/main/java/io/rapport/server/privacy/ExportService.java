package io.rapport.server.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.audit.AuditActions;
import io.rapport.server.audit.AuditLog;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.partner.Partner;
import io.rapport.server.partner.PartnerDao;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A partner's export: found (404 otherwise) and audited in one transaction before the first byte is written,
 * so a request that is answered is recorded exactly once; then written by {@link PartnerExportWriter}.
 */
public class ExportService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final PartnerExportWriter writer;

    public ExportService(Jdbi jdbi, Clock clock, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = new AuditLog(clock);
        this.writer = new PartnerExportWriter(jdbi, mapper);
    }

    /** A started export; {@link #writeTo} streams it. */
    public record Export(UUID orgId, Partner partner, Instant exportedAt) {
    }

    public Export start(UUID orgId, UUID partnerId) {
        Instant now = Timestamps.now(clock);
        return jdbi.inTransaction(handle -> {
            Partner partner = handle.attach(PartnerDao.class).find(orgId, partnerId)
                    .orElseThrow(() -> ApiProblemException.notFound("Partner " + partnerId));
            audit.record(handle, orgId, AuditActions.PARTNER_EXPORTED, "partner", partnerId);
            return new Export(orgId, partner, now);
        });
    }

    public void writeTo(Export export, OutputStream out) throws java.io.IOException {
        writer.write(export.orgId(), export.partner(), export.exportedAt(), out);
    }
}
