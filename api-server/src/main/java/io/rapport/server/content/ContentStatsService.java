package io.rapport.server.content;

import io.rapport.server.common.problem.ApiProblemException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Which content partners actually value, counted from their usage events. */
public class ContentStatsService {
    private final Jdbi jdbi;

    public ContentStatsService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public ContentUsage forItem(UUID orgId, UUID contentId, StatsWindow window) {
        return jdbi.withExtension(ContentStatsDao.class, dao -> dao.forItem(orgId, contentId, window.from(), window.to()))
                .orElseThrow(() -> ApiProblemException.notFound("Content item " + contentId));
    }

    public List<ContentUsage> forOfficer(UUID orgId, UUID officerId, StatsWindow window) {
        return jdbi.withExtension(ContentStatsDao.class, dao -> {
            if (!dao.officerExists(orgId, officerId)) {
                throw ApiProblemException.notFound("Officer " + officerId);
            }
            return dao.forOfficer(orgId, officerId, window.from(), window.to());
        });
    }
}
