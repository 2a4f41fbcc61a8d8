package io.rapport.server.content;

import java.util.List;
import java.util.UUID;

/**
 * Who sees a content item. Each non-empty list restricts (a partner must match one entry of it);
 * an empty list does not, so an audience with all three empty is everyone.
 */
public record Audience(List<String> partnerTypes, List<UUID> branchIds, List<UUID> officerIds) {
    public static final Audience EVERYONE = new Audience(List.of(), List.of(), List.of());

    public Audience {
        partnerTypes = partnerTypes == null ? List.of() : List.copyOf(partnerTypes);
        branchIds = branchIds == null ? List.of() : List.copyOf(branchIds);
        officerIds = officerIds == null ? List.of() : List.copyOf(officerIds);
    }
}
