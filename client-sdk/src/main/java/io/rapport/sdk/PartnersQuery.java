package io.rapport.sdk;

import io.rapport.sdk.model.PartnerType;

/**
 * Which partners {@link Partners#list(PartnersQuery)} and {@link Partners#all(PartnersQuery)} answer.
 *
 * <pre>{@code
 * PartnersQuery query = PartnersQuery.builder().limit(100).build();
 * }</pre>
 */
public final class PartnersQuery extends ListQuery {
    private final PartnerType type;
    private final Boolean active;

    private PartnersQuery(Builder builder) {
        super(builder);
        this.type = builder.type;
        this.active = builder.active;
    }

    /** @return a builder for the first page, server-default size, no filter */
    public static Builder builder() {
        return new Builder();
    }

    /** @return only partners of this trade, or null: no filter */
    public PartnerType type() {
        return type;
    }

    /** @return only active (true) or only deactivated (false) partners, or null: no filter */
    public Boolean active() {
        return active;
    }

    /** Builds a {@link PartnersQuery}; unset filters do not filter. */
    public static final class Builder extends ListQuery.Builder<Builder, PartnersQuery> {
        private PartnerType type;
        private Boolean active;

        private Builder() {
        }

        /**
         * @param type only partners of this trade (null: no filter)
         * @return this builder
         */
        public Builder type(PartnerType type) {
            this.type = known(type, "type");
            return this;
        }

        /**
         * @param active only active (true) or only deactivated (false) partners (null: no filter)
         * @return this builder
         */
        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        @Override
        public PartnersQuery build() {
            return new PartnersQuery(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
