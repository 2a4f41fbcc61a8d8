package io.rapport.server.content;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.web.EntityTags;
import io.rapport.server.generated.api.ContentApi;
import io.rapport.server.generated.model.ContentInput;
import io.rapport.server.generated.model.ContentKind;
import io.rapport.server.generated.model.ContentPage;
import io.rapport.server.generated.model.ContentStatus;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class ContentResource implements ContentApi {
    private final ContentService content;

    public ContentResource(ContentService content) {
        this.content = content;
    }

    @Override
    public Response createContent(ContentInput input, String idempotencyKey) {
        ContentItem item = content.create(Callers.orgId(), ContentMapping.toDraft(input));
        return withEtag(Response.created(URI.create("/v1/content/" + item.contentId())), item);
    }

    @Override
    public Response listContent(Integer limit, String cursor, ContentStatus status, ContentKind kind, String tag) {
        Page<ContentItem> page = content.list(Callers.orgId(), status == null ? null : status.toString(),
                kind == null ? null : kind.toString(), tag, cursor, limit);
        return Response.ok(new ContentPage().items(page.map(ContentMapping::toDto).items())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getContent(UUID contentId) {
        return withEtag(Response.ok(), content.get(Callers.orgId(), contentId));
    }

    @Override
    public Response updateContent(UUID contentId, ContentInput input, String ifMatch) {
        return withEtag(Response.ok(), content.update(Callers.orgId(), contentId, ifMatch, ContentMapping.toDraft(input)));
    }

    @Override
    public Response publishContent(UUID contentId, String ifMatch) {
        return withEtag(Response.ok(), content.publish(Callers.orgId(), contentId, ifMatch));
    }

    @Override
    public Response archiveContent(UUID contentId, String ifMatch) {
        return withEtag(Response.ok(), content.archive(Callers.orgId(), contentId, ifMatch));
    }

    private static Response withEtag(Response.ResponseBuilder response, ContentItem item) {
        return response.entity(ContentMapping.toDto(item))
                .header(HttpHeaders.ETAG, EntityTags.ofVersion(item.version()))
                .build();
    }
}
