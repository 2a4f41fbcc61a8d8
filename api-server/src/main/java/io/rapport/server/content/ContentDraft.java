package io.rapport.server.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The fields a client sets on a content item; a PUT replaces them all. {@code parameters} is JSON text or null. */
public record ContentDraft(String kind, String title, String summary, String body, String url, String imageUrl,
                           String parameters, Instant publishAt, Instant expireAt, Audience audience,
                           List<String> tags) {

    public ContentDraft {
        audience = audience == null ? Audience.EVERYONE : audience;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    // Arrays, because Jdbi binds Java arrays as PostgreSQL arrays.
    public String[] tagArray() {
        return tags.toArray(String[]::new);
    }

    public String[] partnerTypeArray() {
        return audience.partnerTypes().toArray(String[]::new);
    }

    public UUID[] branchIdArray() {
        return audience.branchIds().toArray(UUID[]::new);
    }

    public UUID[] officerIdArray() {
        return audience.officerIds().toArray(UUID[]::new);
    }
}
