package io.rapport.sdk;

import java.util.UUID;

/**
 * Which relationships {@link Relationships#list(RelationshipsQuery)} and {@link Relationships#all(RelationshipsQuery)} answer.
 *
 * <pre>{@code
 * RelationshipsQuery query = RelationshipsQuery.builder().limit(100).build();
 * }</pre>
 */
public final class RelationshipsQuery extends ListQuery {
    private final UUID officerId;
    private final UUID partnerId;

    private RelationshipsQuery(Builder builder) {
        super(builder);
        this.officerId = builder.officerId;
        this.partnerId = builder.partnerId;
    }

    /** @return a builder for the first page, server-default size, no filter */
    public static Builder builder() {
        return new Builder();
    }

    /** @return only this officer's relationships, or null: no filter */
    public UUID officerId() {
        return officerId;
    }

    /** @return only this partner's relationships, or null: no filter */
    public UUID partnerId() {
        return partnerId;
    }

    /** Builds a {@link RelationshipsQuery}; unset filters do not filter. */
    public static final class Builder extends ListQuery.Builder<Builder, RelationshipsQuery> {
        private UUID officerId;
        private UUID partnerId;

        private Builder() {
        }

        /**
         * @param officerId only this officer's relationships (null: no filter)
         * @return this builder
         */
        public Builder officerId(UUID officerId) {
            this.officerId = officerId;
            return this;
        }

        /**
         * @param partnerId only this partner's relationships (null: no filter)
         * @return this builder
         */
        public Builder partnerId(UUID partnerId) {
            this.partnerId = partnerId;
            return this;
        }

        @Override
        public RelationshipsQuery build() {
            return new RelationshipsQuery(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
