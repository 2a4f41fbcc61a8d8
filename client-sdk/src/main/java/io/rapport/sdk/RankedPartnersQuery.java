package io.rapport.sdk;

import io.rapport.sdk.model.PartnerSort;
import io.rapport.sdk.model.PartnerType;
import io.rapport.sdk.model.Stage;
import io.rapport.sdk.model.Tier;
import io.rapport.sdk.model.Trend;

/**
 * Which of an officer's partners {@link Scores#rankedPartners(java.util.UUID, RankedPartnersQuery)} answers, and in what order.
 * The default order is the score, highest first.
 *
 * <pre>{@code
 * RankedPartnersQuery query = RankedPartnersQuery.builder().tier(Tier.HOT).limit(10).build();
 * }</pre>
 */
public final class RankedPartnersQuery extends ListQuery {
    private final Tier tier;
    private final Stage stage;
    private final Trend trend;
    private final PartnerType partnerType;
    private final PartnerSort sort;

    private RankedPartnersQuery(Builder builder) {
        super(builder);
        this.tier = builder.tier;
        this.stage = builder.stage;
        this.trend = builder.trend;
        this.partnerType = builder.partnerType;
        this.sort = builder.sort;
    }

    /** @return a builder for the first page, server-default size, no filter */
    public static Builder builder() {
        return new Builder();
    }

    /** @return only partners in this tier, or null: no filter */
    public Tier tier() {
        return tier;
    }

    /** @return only partners at this stage, or null: no filter */
    public Stage stage() {
        return stage;
    }

    /** @return only partners with this trend, or null: no filter */
    public Trend trend() {
        return trend;
    }

    /** @return only partners of this trade, or null: no filter */
    public PartnerType partnerType() {
        return partnerType;
    }

    /** @return the order ({@link PartnerSort#LAST_ACTIVITY}: most recently active first; {@link PartnerSort#CHANGE7D}: the largest {@code scoreChange7d} first), or null: by score */
    public PartnerSort sort() {
        return sort;
    }

    /** Builds a {@link RankedPartnersQuery}; unset filters do not filter. */
    public static final class Builder extends ListQuery.Builder<Builder, RankedPartnersQuery> {
        private Tier tier;
        private Stage stage;
        private Trend trend;
        private PartnerType partnerType;
        private PartnerSort sort;

        private Builder() {
        }

        /**
         * @param tier only partners in this tier (null: no filter)
         * @return this builder
         */
        public Builder tier(Tier tier) {
            this.tier = known(tier, "tier");
            return this;
        }

        /**
         * @param stage only partners at this stage (null: no filter)
         * @return this builder
         */
        public Builder stage(Stage stage) {
            this.stage = known(stage, "stage");
            return this;
        }

        /**
         * @param trend only partners with this trend (null: no filter)
         * @return this builder
         */
        public Builder trend(Trend trend) {
            this.trend = known(trend, "trend");
            return this;
        }

        /**
         * @param partnerType only partners of this trade (null: no filter)
         * @return this builder
         */
        public Builder partnerType(PartnerType partnerType) {
            this.partnerType = known(partnerType, "partnerType");
            return this;
        }

        /**
         * @param sort the order ({@link PartnerSort#LAST_ACTIVITY}: most recently active first; {@link PartnerSort#CHANGE7D}: the largest {@code scoreChange7d} first) (null: no filter)
         * @return this builder
         */
        public Builder sort(PartnerSort sort) {
            this.sort = known(sort, "sort");
            return this;
        }

        @Override
        public RankedPartnersQuery build() {
            return new RankedPartnersQuery(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
