package io.rapport.server.content;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.web.EntityTags;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Partner logos for co-branded material: the same checks and serving as officer photos, in their own table. */
public class PartnerLogoService {
    private final Jdbi jdbi;
    private final Clock clock;

    public PartnerLogoService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public PhotoInfo put(UUID orgId, UUID partnerId, InputStream body) {
        byte[] bytes = CappedBody.read(body, PhotoService.MAX_BYTES);
        ImageInfo image = ImageFormats.inspect(bytes);
        PhotoInfo info = new PhotoInfo(orgId, partnerId, image.format().mediaType(), image.width(), image.height(),
                bytes.length, EntityTags.ofBytes(bytes), clock.instant());
        return jdbi.inTransaction(h -> {
            PartnerLogoDao dao = h.attach(PartnerLogoDao.class);
            requirePartner(dao, orgId, partnerId);
            return dao.upsert(info, bytes);
        });
    }

    /** The current logo; without bytes when the client's copy (by {@code If-None-Match}) is still current. */
    public Photo get(UUID orgId, UUID partnerId, String ifNoneMatch) {
        return jdbi.withHandle(h -> {
            PartnerLogoDao dao = h.attach(PartnerLogoDao.class);
            Optional<PhotoInfo> found = dao.findInfo(orgId, partnerId);
            if (found.isEmpty()) {
                requirePartner(dao, orgId, partnerId);
                throw new ApiProblemException(404, "logo_not_found", "Not Found", "Partner " + partnerId + " has no logo");
            }
            PhotoInfo info = found.get();
            if (EntityTags.noneMatchHits(ifNoneMatch, info.etag())) {
                return Photo.notModified(info);
            }
            // One row for description and bytes, so both come from the same upload even if another lands meanwhile.
            return dao.find(orgId, partnerId).orElseThrow(() -> notFound(partnerId));
        });
    }

    public void delete(UUID orgId, UUID partnerId) {
        jdbi.useTransaction(h -> {
            PartnerLogoDao dao = h.attach(PartnerLogoDao.class);
            requirePartner(dao, orgId, partnerId);
            dao.delete(orgId, partnerId);
        });
    }

    private static void requirePartner(PartnerLogoDao dao, UUID orgId, UUID partnerId) {
        if (!dao.partnerExists(orgId, partnerId)) {
            throw notFound(partnerId);
        }
    }

    private static ApiProblemException notFound(UUID partnerId) {
        return ApiProblemException.notFound("Partner " + partnerId);
    }
}
