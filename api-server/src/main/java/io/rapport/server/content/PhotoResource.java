package io.rapport.server.content;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.OfficerPhotosApi;
import io.rapport.server.generated.model.StoredImage;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.UUID;

public class PhotoResource implements OfficerPhotosApi {
    /** Private: the photo is served to authenticated callers only; revalidation by ETag is cheap. */
    static final String CACHE_CONTROL = "private, max-age=300";
    private final ImageStore photos;

    public PhotoResource(ImageStore photos) {
        this.photos = photos;
    }

    @Override
    public Response putOfficerPhoto(UUID officerId, InputStream body) {
        PhotoInfo info = photos.put(Callers.orgId(), officerId, body);
        return Response.ok(toDto(info)).header(HttpHeaders.ETAG, info.etag()).build();
    }

    @Override
    public Response getOfficerPhoto(UUID officerId, String ifNoneMatch) {
        return respond(photos.get(Callers.orgId(), officerId, ifNoneMatch));
    }

    /** The image with its real type, or 304; either way with its ETag and how long to keep it. */
    static Response respond(Photo photo) {
        Response.ResponseBuilder response = photo.modified()
                ? Response.ok(photo.bytes(), photo.info().contentType())
                : Response.notModified();
        return response.header(HttpHeaders.ETAG, photo.info().etag())
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }

    @Override
    public Response deleteOfficerPhoto(UUID officerId) {
        photos.delete(Callers.orgId(), officerId);
        return Response.noContent().build();
    }

    static StoredImage toDto(PhotoInfo info) {
        return new StoredImage()
                .contentType(StoredImage.ContentTypeEnum.fromValue(info.contentType()))
                .width(info.width())
                .height(info.height())
                .sizeBytes(info.sizeBytes())
                .etag(info.etag())
                .updatedAt(Timestamps.utc(info.updatedAt()));
    }
}
