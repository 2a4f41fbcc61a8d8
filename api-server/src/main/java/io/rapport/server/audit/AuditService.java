package io.rapport.server.audit;

import io.rapport.server.common.paging.Cursor;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reads the audit log and purges entries older than the retention. */
public class AuditService {
    static final int PURGE_CHUNK = 1000;
    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration retention;

    public AuditService(Jdbi jdbi, Clock clock, Duration retention) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.retention = retention;
    }

    public Page<AuditEntry> list(UUID orgId, String cursor, int limit, String action, Instant from, Instant to) {
        if (action != null && !AuditActions.ALL.contains(action)) {
            throw ApiProblemException.invalid("action", "is not an audited action");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblemException.invalid("to", "must be after from");
        }
        UUID before = Cursor.decode(cursor);
        return Page.of(jdbi.withExtension(AuditDao.class, dao -> dao.list(orgId, before, action, from, to, limit + 1)),
                limit, AuditEntry::auditId);
    }

    /** Deletes, in short chunks, every entry older than the retention; returns how many. */
    public int purge() {
        Instant cutoff = Timestamps.now(clock).minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = jdbi.withExtension(AuditDao.class, dao -> dao.purgeChunk(cutoff, PURGE_CHUNK));
            total += deleted;
        } while (deleted == PURGE_CHUNK);
        return total;
    }
}
