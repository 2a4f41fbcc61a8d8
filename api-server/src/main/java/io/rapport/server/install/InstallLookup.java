package io.rapport.server.install;

import java.util.UUID;

/** What authentication needs to know about a presented install token. */
public record InstallLookup(UUID installId, UUID relationshipId, UUID officerId, UUID partnerId, String status,
                            String orgStatus, boolean expired) {
}
