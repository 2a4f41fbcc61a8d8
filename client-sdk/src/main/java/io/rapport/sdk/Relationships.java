package io.rapport.sdk;

import io.rapport.sdk.internal.api.RelationshipsApi;
import io.rapport.sdk.model.Relationship;
import io.rapport.sdk.model.RelationshipPage;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Relationships: one officer × one partner, created by the first event or app install for the pair.
 * Read-only. Thread-safe; calls throw as described on {@link RapportClient}.
 */
public final class Relationships {
    private final RelationshipsApi api;
    private final RequestExecutor executor;

    Relationships(RelationshipsApi api, RequestExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    /**
     * @param relationshipId the relationship
     * @return it
     * @throws NotFoundException when no such relationship exists in the caller's organization
     */
    public Relationship get(UUID relationshipId) {
        return executor.execute(headers -> api.getRelationship(relationshipId, headers));
    }

    /**
     * The relationship of this officer and partner, if any event or install has created it.
     *
     * @param officerId the officer
     * @param partnerId the partner
     * @return the relationship, empty when there is none yet
     */
    public Optional<Relationship> find(UUID officerId, UUID partnerId) {
        return list(RelationshipsQuery.builder().limit(1).officerId(officerId).partnerId(partnerId).build())
                .getItems().stream().findFirst();
    }

    /**
     * One page of relationships.
     *
     * @param query filters and paging
     * @return the page; pass its {@code nextCursor} as the next query's cursor
     */
    public RelationshipPage list(RelationshipsQuery query) {
        return executor.execute(headers ->
                api.listRelationships(query.limit(), query.cursor(), query.officerId(), query.partnerId(), headers));
    }

    /**
     * Every matching relationship from the query's cursor on, fetching pages lazily as the stream is consumed.
     *
     * @param query filters; its limit is the page size (default 500)
     * @return the relationships
     */
    public Stream<Relationship> all(RelationshipsQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            RelationshipPage page = executor.execute(headers ->
                    api.listRelationships(query.pageSize(), cursor, query.officerId(), query.partnerId(), headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /**
     * One page; {@code officerId} and {@code partnerId} filter when not null.
     *
     * @param limit     page size
     * @param cursor    where to continue
     * @param officerId officer filter
     * @param partnerId partner filter
     * @return the page
     * @deprecated use {@link #list(RelationshipsQuery)}
     */
    @Deprecated(since = "0.2")
    public RelationshipPage list(Integer limit, String cursor, UUID officerId, UUID partnerId) {
        return executor.execute(headers -> api.listRelationships(limit, cursor, officerId, partnerId, headers));
    }

    /**
     * Every matching relationship.
     *
     * @param officerId officer filter
     * @param partnerId partner filter
     * @return the relationships
     * @deprecated use {@link #all(RelationshipsQuery)}
     */
    @Deprecated(since = "0.2")
    public Stream<Relationship> all(UUID officerId, UUID partnerId) {
        return all(RelationshipsQuery.builder().officerId(officerId).partnerId(partnerId).build());
    }
}
