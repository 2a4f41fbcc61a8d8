package io.rapport.sdk;

import java.time.OffsetDateTime;

/**
 * Which events of a timeline {@link Events#listForRelationship(java.util.UUID, EventsQuery)} and the like answer, newest first.
 *
 * <pre>{@code
 * EventsQuery query = EventsQuery.builder().limit(100).build();
 * }</pre>
 */
public final class EventsQuery extends ListQuery {
    private final String type;
    private final OffsetDateTime from;
    private final OffsetDateTime to;

    private EventsQuery(Builder builder) {
        super(builder);
        this.type = builder.type;
        this.from = builder.from;
        this.to = builder.to;
    }

    /** @return a builder for the first page, server-default size, no filter */
    public static Builder builder() {
        return new Builder();
    }

    /** @return only events of this type (see {@link EventTypes}), or null: no filter */
    public String type() {
        return type;
    }

    /** @return only events that occurred at or after this instant, or null: no filter */
    public OffsetDateTime from() {
        return from;
    }

    /** @return only events that occurred before this instant, or null: no filter */
    public OffsetDateTime to() {
        return to;
    }

    /** Builds a {@link EventsQuery}; unset filters do not filter. */
    public static final class Builder extends ListQuery.Builder<Builder, EventsQuery> {
        private String type;
        private OffsetDateTime from;
        private OffsetDateTime to;

        private Builder() {
        }

        /**
         * @param type only events of this type (see {@link EventTypes}) (null: no filter)
         * @return this builder
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * @param from only events that occurred at or after this instant (null: no filter)
         * @return this builder
         */
        public Builder from(OffsetDateTime from) {
            this.from = from;
            return this;
        }

        /**
         * @param to only events that occurred before this instant (null: no filter)
         * @return this builder
         */
        public Builder to(OffsetDateTime to) {
            this.to = to;
            return this;
        }

        @Override
        public EventsQuery build() {
            return new EventsQuery(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
