package io.rapport.sdk;

import io.rapport.sdk.internal.api.AuditApi;
import io.rapport.sdk.model.AuditEntry;
import io.rapport.sdk.model.AuditEntryPage;
import java.time.OffsetDateTime;
import java.util.stream.Stream;

/**
 * The organization's audit log (needs the {@code admin} scope): who (an API key id, never a secret) did what and
 * when, newest first. Thread-safe; calls throw as described on {@link RapportClient}.
 */
public final class AuditLog {
    private final AuditApi api;
    private final RequestExecutor executor;

    AuditLog(AuditApi api, RequestExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    /**
     * One page, newest first. {@code action} (e.g. {@code "api_key.rotated"}), {@code from} (inclusive) and
     * {@code to} (exclusive) filter when not null.
     *
     * @param limit  page size, 1..500 (null: the server's default)
     * @param cursor where to go on from ({@code nextCursor} of the page before); null for the first page
     * @param action only this action, or null
     * @param from   only entries at or after this instant, or null
     * @param to     only entries before this instant, or null
     * @return the page and the cursor of the next one
     * @throws InvalidRequestException if {@code action} is not an audited action, or {@code to} is not after {@code from}
     */
    public AuditEntryPage list(Integer limit, String cursor, String action, OffsetDateTime from, OffsetDateTime to) {
        return executor.execute(headers -> api.listAuditEntries(limit, cursor, action, from, to, headers));
    }

    /**
     * Every matching entry, newest first, fetching pages lazily as the stream is consumed.
     *
     * @param action only this action, or null
     * @param from   only entries at or after this instant, or null
     * @param to     only entries before this instant, or null
     * @return the entries, lazily
     */
    public Stream<AuditEntry> all(String action, OffsetDateTime from, OffsetDateTime to) {
        return Pages.stream(cursor -> {
            AuditEntryPage page = list(Pages.PAGE_SIZE, cursor, action, from, to);
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }
}
