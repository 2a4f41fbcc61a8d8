package io.rapport.sdk;

/**
 * Where a {@link ChangeFeedPoller} keeps its position in the score change feed: typically a row in the CRM's
 * own database, written in the same transaction as the changes applied. Implementations decide thread-safety;
 * a poller calls them from the thread that polls.
 */
public interface CursorStore {
    /** @return the cursor saved last, or null to start from the beginning of the feed */
    String load();

    /**
     * Keeps {@code cursor} as the position after the changes just handed over.
     *
     * @param cursor the feed's {@code nextCursor}
     */
    void save(String cursor);

    /** @return a store in memory, starting from the beginning of the feed (for tests and one-off reads) */
    static CursorStore inMemory() {
        return new CursorStore() {
            private volatile String cursor;

            @Override
            public String load() {
                return cursor;
            }

            @Override
            public void save(String next) {
                cursor = next;
            }
        };
    }
}
