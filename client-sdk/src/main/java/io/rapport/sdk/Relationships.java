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

    /** @throws NotFoundException when no such relationship exists in the caller's organization */
    public Relationship get(UUID relationshipId) {
        return executor.execute(headers -> api.getRelationship(relationshipId, headers));
    }

    /** The relationship of this officer and partner, if any event or install has created it. */
    public Optional<Relationship> find(UUID officerId, UUID partnerId) {
        return list(1, null, officerId, partnerId).getItems().stream().findFirst();
    }

    /** One page; {@code officerId} and {@code partnerId} filter when not null. */
    public RelationshipPage list(Integer limit, String cursor, UUID officerId, UUID partnerId) {
        return executor.execute(headers -> api.listRelationships(limit, cursor, officerId, partnerId, headers));
    }

    /** Every matching relationship, fetching pages lazily as the stream is consumed. */
    public Stream<Relationship> all(UUID officerId, UUID partnerId) {
        return Pages.stream(cursor -> {
            RelationshipPage page = list(Pages.PAGE_SIZE, cursor, officerId, partnerId);
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }
}
