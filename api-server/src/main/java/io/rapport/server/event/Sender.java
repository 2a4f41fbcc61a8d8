package io.rapport.server.event;

import java.util.Set;
import java.util.UUID;

/**
 * Who sends a batch: an organization; an app install token, which may send events for one officer and
 * partner only; or an officer's embed token (the score card), which may send that officer's own touches
 * only, for any partner. {@code onlyTypes} null means every type of the catalogue.
 */
public record Sender(UUID orgId, UUID onlyOfficerId, UUID onlyPartnerId, Set<String> onlyTypes) {

    public Sender(UUID orgId, UUID onlyOfficerId, UUID onlyPartnerId) {
        this(orgId, onlyOfficerId, onlyPartnerId, null);
    }

    public static Sender organization(UUID orgId) {
        return new Sender(orgId, null, null, null);
    }

    public static Sender officerTouches(UUID orgId, UUID officerId) {
        return new Sender(orgId, officerId, null, EventTypes.OFFICER_TOUCHES);
    }

    boolean restricted() {
        return onlyOfficerId != null;
    }

    boolean allowsType(String type) {
        return onlyTypes == null || type == null || onlyTypes.contains(type);
    }
}
