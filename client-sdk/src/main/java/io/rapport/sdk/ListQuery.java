package io.rapport.sdk;

/**
 * What every list call takes: the page size and the cursor to start after. A list call answers one page
 * ({@code items} and {@code nextCursor}); the matching {@code all(...)} call walks every page from the
 * query's cursor, fetching each one only when the stream reaches it. Immutable.
 */
public abstract class ListQuery {
    /** The largest page the server answers. */
    public static final int MAX_LIMIT = 500;

    private final Integer limit;
    private final String cursor;

    ListQuery(Builder<?, ?> builder) {
        this.limit = builder.limit;
        this.cursor = builder.cursor;
    }

    /** @return the page size, or null for the server's default (50) */
    public Integer limit() {
        return limit;
    }

    /** @return the {@code nextCursor} of an earlier page to continue after, or null for the first page */
    public String cursor() {
        return cursor;
    }

    /**
     * A filter value must be one the server knows: {@code UNKNOWN_DEFAULT_OPEN_API} only stands for a value this
     * SDK could not read, and cannot be sent back.
     */
    static <E extends Enum<E>> E known(E value, String name) {
        if (value != null && "UNKNOWN_DEFAULT_OPEN_API".equals(value.name())) {
            throw new IllegalArgumentException(name + " cannot filter by UNKNOWN_DEFAULT_OPEN_API: it stands for a value"
                    + " this SDK does not know, and cannot be sent");
        }
        return value;
    }

    /** For {@code all(...)}: the page size to walk with, the largest unless one was set. */
    int pageSize() {
        return limit == null ? MAX_LIMIT : limit;
    }

    /**
     * Sets the paging of a query; each setter checks its argument at once ({@link IllegalArgumentException}).
     *
     * @param <B> the concrete builder
     * @param <Q> the query it builds
     */
    public abstract static class Builder<B extends Builder<B, Q>, Q extends ListQuery> {
        private Integer limit;
        private String cursor;

        Builder() {
        }

        /**
         * @param limit the page size, 1..500
         * @return this builder
         */
        public B limit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
            }
            this.limit = limit;
            return self();
        }

        /**
         * @param cursor the {@code nextCursor} of an earlier page (null: the first page)
         * @return this builder
         */
        public B cursor(String cursor) {
            if (cursor != null && (cursor.isEmpty() || cursor.length() > 200)) {
                throw new IllegalArgumentException("cursor must be 1..200 characters, as the server gave it");
            }
            this.cursor = cursor;
            return self();
        }

        /** @return the query */
        public abstract Q build();

        abstract B self();
    }
}
