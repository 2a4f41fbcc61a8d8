package io.rapport.server.content;

import java.util.UUID;

/** How much one content item was used in a window: the figures behind the stats endpoints. */
public record ContentUsage(UUID contentId, String kind, String title, long views, long shares, long calculatorUses,
                           long uniquePartners) {
}
