package io.rapport.server.event;

import java.util.UUID;

/**
 * Who sends a batch: an organization, and for an app install token the one officer and partner it
 * may send events for (both null for an organization key).
 */
public record Sender(UUID orgId, UUID onlyOfficerId, UUID onlyPartnerId) {

    public static Sender organization(UUID orgId) {
        return new Sender(orgId, null, null);
    }

    boolean restricted() {
        return onlyOfficerId != null;
    }
}
