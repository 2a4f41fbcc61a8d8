package io.rapport.server.content;

import io.rapport.server.common.auth.InstallCaller;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.officer.Officer;
import io.rapport.server.officer.OfficerDao;
import io.rapport.server.partner.Partner;
import io.rapport.server.partner.PartnerDao;
import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Builds an app's feed from its install: everything is read within the install's own organization. */
public class FeedService {
    static final int MAX_ITEMS = 200;
    private final Jdbi jdbi;
    private final Clock clock;
    private final ImageStore photos;
    private final ImageStore logos;

    public FeedService(Jdbi jdbi, Clock clock, ImageStore photos, ImageStore logos) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.photos = photos;
        this.logos = logos;
    }

    public Feed feed(InstallCaller install) {
        return jdbi.inTransaction(h -> {
            Officer officer = activeOfficer(h, install);
            Partner partner = h.attach(PartnerDao.class).find(install.orgId(), install.partnerId())
                    .orElseThrow(() -> ApiProblemException.notFound("The install's partner"));
            String logoEtag = logos.etagOf(h, install.orgId(), install.partnerId());
            return new Feed(officer, partner, logoEtag, h.attach(FeedDao.class).visible(install.orgId(),
                    clock.instant(), partner.type(), officer.branchId(), officer.officerId(), MAX_ITEMS));
        });
    }

    /** The install's officer's photo; a deactivated officer's app shows nothing more, the photo included. */
    public Photo officerPhoto(InstallCaller install, String ifNoneMatch) {
        jdbi.useHandle(h -> activeOfficer(h, install));
        return photos.get(install.orgId(), install.officerId(), ifNoneMatch);
    }

    /** The install's partner's logo, for co-branded material; gone with the officer like the rest of the app. */
    public Photo partnerLogo(InstallCaller install, String ifNoneMatch) {
        jdbi.useHandle(h -> activeOfficer(h, install));
        return logos.get(install.orgId(), install.partnerId(), ifNoneMatch);
    }

    private static Officer activeOfficer(Handle h, InstallCaller install) {
        Officer officer = h.attach(OfficerDao.class).find(install.orgId(), install.officerId())
                .orElseThrow(() -> ApiProblemException.notFound("The install's officer"));
        if (!officer.active()) {
            throw new ApiProblemException(410, "officer_deactivated", "Gone",
                    "This officer has been deactivated; the app has nothing more to show");
        }
        return officer;
    }
}
