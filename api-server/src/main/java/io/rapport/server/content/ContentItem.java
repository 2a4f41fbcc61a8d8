package io.rapport.server.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One item of an organization's content library, at one version. */
public record ContentItem(UUID orgId, UUID contentId, String kind, String title, String summary, String body,
                          String url, String imageUrl, String parameters, String status, Instant publishAt,
                          Instant expireAt, List<String> audiencePartnerTypes, List<UUID> audienceBranchIds,
                          List<UUID> audienceOfficerIds, List<String> tags, int version, Instant publishedAt,
                          Instant archivedAt, Instant createdAt, Instant updatedAt) {
    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String ARCHIVED = "archived";

    public Audience audience() {
        return new Audience(audiencePartnerTypes, audienceBranchIds, audienceOfficerIds);
    }
}
