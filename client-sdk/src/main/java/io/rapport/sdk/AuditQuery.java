package io.rapport.sdk;

import java.time.OffsetDateTime;

/**
 * Which entries of the audit log {@link AuditLog#list(AuditQuery)} and {@link AuditLog#all(AuditQuery)} answer,
 * newest first.
 *
 * <pre>{@code
 * AuditQuery query = AuditQuery.builder().action("api_key.rotated").from(since).build();
 * }</pre>
 */
public final class AuditQuery extends ListQuery {
    private final String action;
    private final OffsetDateTime from;
    private final OffsetDateTime to;

    private AuditQuery(Builder builder) {
        super(builder);
        this.action = builder.action;
        this.from = builder.from;
        this.to = builder.to;
    }

    /** @return a builder for the first page, server-default size, no filter */
    public static Builder builder() {
        return new Builder();
    }

    /** @return only entries of this action (e.g. {@code "api_key.rotated"}), or null: no filter */
    public String action() {
        return action;
    }

    /** @return only entries recorded at or after this instant, or null: no filter */
    public OffsetDateTime from() {
        return from;
    }

    /** @return only entries recorded before this instant, or null: no filter */
    public OffsetDateTime to() {
        return to;
    }

    /** Builds an {@link AuditQuery}; unset filters do not filter. */
    public static final class Builder extends ListQuery.Builder<Builder, AuditQuery> {
        private String action;
        private OffsetDateTime from;
        private OffsetDateTime to;

        private Builder() {
        }

        /**
         * Not checked here: the server answers {@link InvalidRequestException} for an action it does not audit, so
         * an action the server adds later can be asked for without a new SDK.
         *
         * @param action only entries of this action, e.g. {@code "partner.erased"} (null: no filter)
         * @return this builder
         */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /**
         * @param from only entries recorded at or after this instant (null: no filter)
         * @return this builder
         */
        public Builder from(OffsetDateTime from) {
            this.from = from;
            return this;
        }

        /**
         * The server answers {@link InvalidRequestException} when {@code to} is not after {@code from}.
         *
         * @param to only entries recorded before this instant (null: no filter)
         * @return this builder
         */
        public Builder to(OffsetDateTime to) {
            this.to = to;
            return this;
        }

        @Override
        public AuditQuery build() {
            return new AuditQuery(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
