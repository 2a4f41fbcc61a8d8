package io.rapport.server.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.model.ContentAudience;
import io.rapport.server.generated.model.ContentInput;
import io.rapport.server.generated.model.ContentKind;
import io.rapport.server.generated.model.ContentStatus;
import io.rapport.server.generated.model.PartnerType;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Content items between the contract's shape and the domain's; calculator parameters travel as JSON text. */
final class ContentMapping {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private ContentMapping() {
    }

    static ContentDraft toDraft(ContentInput in) {
        return new ContentDraft(in.getKind().toString(), in.getTitle(), in.getSummary(), in.getBody(), in.getUrl(),
                in.getImageUrl(), parametersJson(in.getParameters()), instant(in.getPublishAt()),
                instant(in.getExpireAt()), audience(in.getAudience()), List.copyOf(in.getTags()));
    }

    static io.rapport.server.generated.model.ContentItem toDto(ContentItem item) {
        Audience audience = item.audience();
        return new io.rapport.server.generated.model.ContentItem()
                .id(item.contentId())
                .kind(ContentKind.fromValue(item.kind()))
                .title(item.title())
                .summary(item.summary())
                .body(item.body())
                .url(item.url())
                .imageUrl(item.imageUrl())
                .parameters(parameters(item.parameters()))
                .publishAt(Timestamps.utc(item.publishAt()))
                .expireAt(Timestamps.utc(item.expireAt()))
                .audience(new ContentAudience()
                        .partnerTypes(new LinkedHashSet<>(audience.partnerTypes().stream().map(PartnerType::fromValue).toList()))
                        .branchIds(new LinkedHashSet<>(audience.branchIds()))
                        .officerIds(new LinkedHashSet<>(audience.officerIds())))
                .tags(item.tags())
                .status(ContentStatus.fromValue(item.status()))
                .version(item.version())
                .publishedAt(Timestamps.utc(item.publishedAt()))
                .archivedAt(Timestamps.utc(item.archivedAt()))
                .createdAt(Timestamps.utc(item.createdAt()))
                .updatedAt(Timestamps.utc(item.updatedAt()));
    }

    private static Audience audience(ContentAudience dto) {
        if (dto == null) {
            return Audience.EVERYONE;
        }
        return new Audience(dto.getPartnerTypes().stream().map(PartnerType::toString).toList(),
                List.copyOf(dto.getBranchIds()), List.copyOf(dto.getOfficerIds()));
    }

    private static String parametersJson(Map<String, Object> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Parameters read from JSON always write back", e);
        }
    }

    private static Map<String, Object> parameters(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("content_item.parameters holds a JSON object", e);
        }
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
