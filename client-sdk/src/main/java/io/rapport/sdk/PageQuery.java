package io.rapport.sdk;

/**
 * Paging for lists without filters (organizations, API keys, branches, webhook subscriptions and deliveries) and for the score change feed.
 *
 * <pre>{@code
 * PageQuery query = PageQuery.builder().limit(100).build();
 * }</pre>
 */
public final class PageQuery extends ListQuery {

    private PageQuery(Builder builder) {
        super(builder);
    }

    /** @return a builder for the first page, server-default size, no filter */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PageQuery}; unset filters do not filter. */
    public static final class Builder extends ListQuery.Builder<Builder, PageQuery> {

        private Builder() {
        }

        @Override
        public PageQuery build() {
            return new PageQuery(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
