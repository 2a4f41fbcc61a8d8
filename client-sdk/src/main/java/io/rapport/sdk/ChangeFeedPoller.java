package io.rapport.sdk;

import io.rapport.sdk.model.ScoreChange;
import io.rapport.sdk.model.ScoreChangePage;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the score change feed from where the caller left it: each {@link #poll} loads the cursor from the
 * {@link CursorStore}, hands every new change over page by page, oldest first, and saves the page's
 * {@code nextCursor} only after the handler returned for the whole page. A handler that throws leaves the
 * cursor before that page, so the page comes again on the next poll: changes are delivered at least once,
 * never skipped (make the handler idempotent by {@link ScoreChange#getId()}).
 *
 * <pre>{@code
 * ChangeFeedPoller poller = rapport.scores().changePoller(myCursorStore);
 * // on a schedule, e.g. every minute:
 * poller.poll(page -> page.forEach(crm::applyScoreChange));
 * }</pre>
 *
 * <p>Not thread-safe: poll from one thread (one poller per store).
 */
public final class ChangeFeedPoller {
    private static final int PAGE_SIZE = ListQuery.MAX_LIMIT;
    private final Scores scores;
    private final CursorStore store;

    ChangeFeedPoller(Scores scores, CursorStore store) {
        this.scores = scores;
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Hands over every change after the stored cursor, one page at a time, until the feed is caught up.
     *
     * @param handler called with each non-empty page, oldest change first
     * @return how many changes were handed over
     * @throws RapportException  when a page cannot be read (the cursor stays after the last handled page)
     * @throws RuntimeException  whatever the handler throws (the cursor stays before its page)
     */
    public int poll(Consumer<List<ScoreChange>> handler) {
        Objects.requireNonNull(handler, "handler");
        int handed = 0;
        String cursor = store.load();
        while (true) {
            ScoreChangePage page = scores.changes(PageQuery.builder().cursor(cursor).limit(PAGE_SIZE).build());
            List<ScoreChange> items = page.getItems() == null ? List.of() : page.getItems();
            if (!items.isEmpty()) {
                handler.accept(items);
                handed += items.size();
            }
            if (page.getNextCursor() != null && !page.getNextCursor().equals(cursor)) {
                cursor = page.getNextCursor();
                store.save(cursor);
            }
            if (items.size() < PAGE_SIZE) {
                return handed;
            }
        }
    }
}
