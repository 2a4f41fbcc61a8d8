package io.rapport.sdk;

import io.rapport.sdk.model.ContentKind;
import io.rapport.sdk.model.ContentStatus;

/**
 * Which content items {@link Content#list(ContentQuery)} and {@link Content#all(ContentQuery)} answer.
 *
 * <pre>{@code
 * ContentQuery query = ContentQuery.builder().limit(100).build();
 * }</pre>
 */
public final class ContentQuery extends ListQuery {
    private final ContentStatus status;
    private final ContentKind kind;
    private final String tag;

    private ContentQuery(Builder builder) {
        super(builder);
        this.status = builder.status;
        this.kind = builder.kind;
        this.tag = builder.tag;
    }

    /** @return a builder for the first page, server-default size, no filter */
    public static Builder builder() {
        return new Builder();
    }

    /** @return only items in this status, or null: no filter */
    public ContentStatus status() {
        return status;
    }

    /** @return only items of this kind, or null: no filter */
    public ContentKind kind() {
        return kind;
    }

    /** @return only items with this tag, or null: no filter */
    public String tag() {
        return tag;
    }

    /** Builds a {@link ContentQuery}; unset filters do not filter. */
    public static final class Builder extends ListQuery.Builder<Builder, ContentQuery> {
        private ContentStatus status;
        private ContentKind kind;
        private String tag;

        private Builder() {
        }

        /**
         * @param status only items in this status (null: no filter)
         * @return this builder
         */
        public Builder status(ContentStatus status) {
            this.status = known(status, "status");
            return this;
        }

        /**
         * @param kind only items of this kind (null: no filter)
         * @return this builder
         */
        public Builder kind(ContentKind kind) {
            this.kind = known(kind, "kind");
            return this;
        }

        /**
         * @param tag only items with this tag (null: no filter)
         * @return this builder
         */
        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        @Override
        public ContentQuery build() {
            return new ContentQuery(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
