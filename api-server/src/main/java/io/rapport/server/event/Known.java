package io.rapport.server.event;

import java.util.UUID;

/**
 * One row of what the database already knows of a batch: an officer or partner it names ({@code kind}
 * {@code officer}/{@code partner}, with {@code id}, {@code externalId}, {@code active}), or a relationship
 * between a pair its events name ({@code kind} {@code relationship}, {@code id} the relationship's, with its
 * {@code officerId} and {@code partnerId}).
 */
record Known(String kind, UUID id, String externalId, boolean active, UUID officerId, UUID partnerId) {
    static final String RELATIONSHIP = "relationship";

    Party party() {
        return new Party(kind, id, externalId, active);
    }
}
