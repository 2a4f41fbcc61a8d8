package io.rapport.server.content;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.web.EntityTags;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Officer photos: checked by content, stored in PostgreSQL, served by strong ETag. */
public class PhotoService {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private final Jdbi jdbi;
    private final Clock clock;

    public PhotoService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public PhotoInfo put(UUID orgId, UUID officerId, InputStream body) {
        byte[] bytes = CappedBody.read(body, MAX_BYTES);
        ImageInfo image = ImageFormats.inspect(bytes);
        Instant now = clock.instant();
        PhotoInfo info = new PhotoInfo(orgId, officerId, image.format().mediaType(), image.width(), image.height(),
                bytes.length, EntityTags.ofBytes(bytes), now);
        return jdbi.inTransaction(h -> {
            PhotoDao dao = h.attach(PhotoDao.class);
            if (dao.markOfficer(orgId, officerId, info.etag(), now) == 0) {
                throw notFound(officerId);
            }
            return dao.upsert(info, bytes);
        });
    }

    /** The current photo; without bytes when the client's copy (by {@code If-None-Match}) is still current. */
    public Photo get(UUID orgId, UUID officerId, String ifNoneMatch) {
        return jdbi.withHandle(h -> {
            PhotoDao dao = h.attach(PhotoDao.class);
            PhotoInfo info = dao.findInfo(orgId, officerId).orElseThrow(() -> noPhoto(dao, orgId, officerId));
            if (EntityTags.noneMatchHits(ifNoneMatch, info.etag())) {
                return Photo.notModified(info);
            }
            // One row for description and bytes, so both come from the same upload even if another lands meanwhile.
            return dao.find(orgId, officerId).orElseThrow(() -> noPhoto(dao, orgId, officerId));
        });
    }

    public void delete(UUID orgId, UUID officerId) {
        jdbi.useTransaction(h -> {
            PhotoDao dao = h.attach(PhotoDao.class);
            if (dao.markOfficer(orgId, officerId, null, clock.instant()) == 0) {
                throw notFound(officerId);
            }
            dao.delete(orgId, officerId);
        });
    }

    private static ApiProblemException noPhoto(PhotoDao dao, UUID orgId, UUID officerId) {
        return dao.officerExists(orgId, officerId)
                ? new ApiProblemException(404, "photo_not_found", "Not Found", "Officer " + officerId + " has no photo")
                : notFound(officerId);
    }

    private static ApiProblemException notFound(UUID officerId) {
        return ApiProblemException.notFound("Officer " + officerId);
    }
}
