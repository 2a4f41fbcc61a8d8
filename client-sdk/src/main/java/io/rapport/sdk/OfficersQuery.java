package io.rapport.sdk;

import java.util.UUID;

/**
 * Which officers {@link Officers#list(OfficersQuery)} and {@link Officers#all(OfficersQuery)} answer.
 *
 * <pre>{@code
 * OfficersQuery query = OfficersQuery.builder().limit(100).build();
 * }</pre>
 */
public final class OfficersQuery extends ListQuery {
    private final UUID branchId;
    private final Boolean active;

    private OfficersQuery(Builder builder) {
        super(builder);
        this.branchId = builder.branchId;
        this.active = builder.active;
    }

    /** @return a builder for the first page, server-default size, no filter */
    public static Builder builder() {
        return new Builder();
    }

    /** @return only this branch's officers, or null: no filter */
    public UUID branchId() {
        return branchId;
    }

    /** @return only active (true) or only deactivated (false) officers, or null: no filter */
    public Boolean active() {
        return active;
    }

    /** Builds a {@link OfficersQuery}; unset filters do not filter. */
    public static final class Builder extends ListQuery.Builder<Builder, OfficersQuery> {
        private UUID branchId;
        private Boolean active;

        private Builder() {
        }

        /**
         * @param branchId only this branch's officers (null: no filter)
         * @return this builder
         */
        public Builder branchId(UUID branchId) {
            this.branchId = branchId;
            return this;
        }

        /**
         * @param active only active (true) or only deactivated (false) officers (null: no filter)
         * @return this builder
         */
        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        @Override
        public OfficersQuery build() {
            return new OfficersQuery(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
