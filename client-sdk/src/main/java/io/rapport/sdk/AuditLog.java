package io.rapport.sdk;

import io.rapport.sdk.internal.api.AuditApi;
import io.rapport.sdk.model.AuditEntry;
import io.rapport.sdk.model.AuditEntryPage;
import java.time.OffsetDateTime;
import java.util.stream.Stream;

/**
 * The organization's audit log (needs the {@code admin} scope): who (an API key id, never a secret) did what and
 * when, newest first. Thread-safe; calls throw as described on {@link RapportClient}.
 *
 * <pre>{@code
 * client.audit().all(AuditQuery.builder().action("partner.erased").build()).forEach(entry -> ...);
 * }</pre>
 */
public final class AuditLog {
    private final AuditApi api;
    private final RequestExecutor executor;

    AuditLog(AuditApi api, RequestExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    /**
     * One page, newest first, filtered by the query's action and time range.
     *
     * @param query filters and paging
     * @return the page and the cursor of the next one
     * @throws InvalidRequestException if the action is not an audited action, or {@code to} is not after {@code from}
     */
    public AuditEntryPage list(AuditQuery query) {
        return executor.execute(headers -> api.listAuditEntries(query.limit(), query.cursor(), query.action(),
                query.from(), query.to(), headers));
    }

    /**
     * Every matching entry from the query's cursor on, newest first, fetching pages lazily as the stream is consumed.
     *
     * @param query filters; its limit is the page size (default 500)
     * @return the entries, lazily
     * @throws InvalidRequestException (when the stream is consumed) if the action is not an audited action, or
     *                                 {@code to} is not after {@code from}
     */
    public Stream<AuditEntry> all(AuditQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            AuditEntryPage page = executor.execute(headers -> api.listAuditEntries(query.pageSize(), cursor,
                    query.action(), query.from(), query.to(), headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /**
     * One page, newest first.
     *
     * @param limit  page size, 1..500 (null: the server's default)
     * @param cursor where to go on from ({@code nextCursor} of the page before); null for the first page
     * @param action only this action, or null
     * @param from   only entries at or after this instant, or null
     * @param to     only entries before this instant, or null
     * @return the page and the cursor of the next one
     * @deprecated use {@link #list(AuditQuery)}
     */
    @Deprecated(since = "0.2")
    public AuditEntryPage list(Integer limit, String cursor, String action, OffsetDateTime from, OffsetDateTime to) {
        // Straight to the API, not through AuditQuery's builder: its argument checks would turn what the server
        // has always answered (an InvalidRequestException) into an IllegalArgumentException for existing callers.
        return executor.execute(headers -> api.listAuditEntries(limit, cursor, action, from, to, headers));
    }

    /**
     * Every matching entry, newest first, fetching pages lazily.
     *
     * @param action only this action, or null
     * @param from   only entries at or after this instant, or null
     * @param to     only entries before this instant, or null
     * @return the entries, lazily
     * @deprecated use {@link #all(AuditQuery)}
     */
    @Deprecated(since = "0.2")
    public Stream<AuditEntry> all(String action, OffsetDateTime from, OffsetDateTime to) {
        return all(AuditQuery.builder().action(action).from(from).to(to).build());
    }
}
