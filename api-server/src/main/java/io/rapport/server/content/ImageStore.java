package io.rapport.server.content;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.web.EntityTags;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Officer photos and partner logos: checked by content (magic bytes and a real decode), stored in
 * PostgreSQL, served by strong ETag. One instance per {@link ImageSlot}.
 */
public class ImageStore {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private final Jdbi jdbi;
    private final Clock clock;
    private final ImageSlot slot;

    public ImageStore(Jdbi jdbi, Clock clock, ImageSlot slot) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.slot = slot;
    }

    public PhotoInfo put(UUID orgId, UUID ownerId, InputStream body) {
        byte[] bytes = CappedBody.read(body, MAX_BYTES);
        ImageInfo image = ImageFormats.inspect(bytes);
        Instant now = clock.instant();
        PhotoInfo info = new PhotoInfo(orgId, ownerId, image.format().mediaType(), image.width(), image.height(),
                bytes.length, EntityTags.ofBytes(bytes), now);
        return jdbi.inTransaction(h -> {
            ImageDao dao = h.attach(ImageDao.class);
            requireOwner(dao, orgId, ownerId, info.etag(), now);
            return dao.upsert(slot.table, slot.ownerColumn, info, bytes);
        });
    }

    /** The current image; without bytes when the client's copy (by {@code If-None-Match}) is still current. */
    public Photo get(UUID orgId, UUID ownerId, String ifNoneMatch) {
        return jdbi.withHandle(h -> {
            ImageDao dao = h.attach(ImageDao.class);
            PhotoInfo info = dao.findInfo(slot.table, slot.ownerColumn, orgId, ownerId)
                    .orElseThrow(() -> noImage(dao, orgId, ownerId));
            if (EntityTags.noneMatchHits(ifNoneMatch, info.etag())) {
                return Photo.notModified(info);
            }
            // One row for description and bytes, so both come from the same upload even if another lands meanwhile.
            return dao.find(slot.table, slot.ownerColumn, orgId, ownerId).orElseThrow(() -> noImage(dao, orgId, ownerId));
        });
    }

    /** The current image's ETag, or null when there is none. */
    String etagOf(Handle handle, UUID orgId, UUID ownerId) {
        return handle.attach(ImageDao.class).findInfo(slot.table, slot.ownerColumn, orgId, ownerId)
                .map(PhotoInfo::etag).orElse(null);
    }

    public void delete(UUID orgId, UUID ownerId) {
        jdbi.useTransaction(h -> {
            ImageDao dao = h.attach(ImageDao.class);
            requireOwner(dao, orgId, ownerId, null, clock.instant());
            dao.delete(slot.table, slot.ownerColumn, orgId, ownerId);
        });
    }

    /** 404 for another organization's (or no) owner; an officer's card also learns its photo's new ETag. */
    private void requireOwner(ImageDao dao, UUID orgId, UUID ownerId, String etag, Instant now) {
        boolean found = slot == ImageSlot.OFFICER_PHOTO
                ? dao.markOfficer(orgId, ownerId, etag, now) > 0
                : dao.ownerExists(slot.ownerTable, slot.ownerColumn, orgId, ownerId);
        if (!found) {
            throw ownerNotFound(ownerId);
        }
    }

    private ApiProblemException noImage(ImageDao dao, UUID orgId, UUID ownerId) {
        return dao.ownerExists(slot.ownerTable, slot.ownerColumn, orgId, ownerId)
                ? new ApiProblemException(404, slot.missingCode, "Not Found",
                        slot.ownerNoun + " " + ownerId + " has no " + slot.imageNoun)
                : ownerNotFound(ownerId);
    }

    private ApiProblemException ownerNotFound(UUID ownerId) {
        return ApiProblemException.notFound(slot.ownerNoun + " " + ownerId);
    }
}
