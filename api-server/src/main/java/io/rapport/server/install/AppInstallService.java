package io.rapport.server.install;

import io.rapport.server.common.auth.Secrets;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Ids;
import io.rapport.server.event.EventDao;
import io.rapport.server.event.Pair;
import io.rapport.server.event.Party;
import io.rapport.server.event.RelationshipRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Registers app installs (creating the relationship on first sight), shows and revokes them. */
public class AppInstallService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;
    private final RelationshipRegistry relationships;

    public AppInstallService(Jdbi jdbi, Clock clock, RelationshipRegistry relationships) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.relationships = relationships;
    }

    public IssuedInstall register(UUID orgId, UUID officerId, UUID partnerId, String platform) {
        String token = InstallTokenFormat.compose(orgId, Secrets.random());
        UUID installId = ids.next();
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            EventDao parties = handle.attach(EventDao.class);
            requireActive(parties.officers(orgId, new UUID[] {officerId}, new String[0]), "officer", "officerId");
            requireActive(parties.partners(orgId, new UUID[] {partnerId}, new String[0]), "partner", "partnerId");
            Pair pair = new Pair(officerId, partnerId);
            UUID relationshipId = relationships.ensure(handle, orgId, List.of(pair)).get(pair);
            AppInstallDao dao = handle.attach(AppInstallDao.class);
            dao.insert(orgId, installId, relationshipId, platform, InstallTokenFormat.prefixOf(token),
                    Secrets.sha256(token), now);
            return new IssuedInstall(find(handle, orgId, installId), token);
        });
    }

    public AppInstall get(UUID orgId, UUID installId) {
        return jdbi.withHandle(handle -> find(handle, orgId, installId));
    }

    public void revoke(UUID orgId, UUID installId) {
        Instant now = clock.instant();
        if (jdbi.withExtension(AppInstallDao.class, dao -> dao.revoke(orgId, installId, now)) == 0) {
            throw ApiProblemException.notFound("App install " + installId);
        }
    }

    private static AppInstall find(Handle handle, UUID orgId, UUID installId) {
        return handle.attach(AppInstallDao.class).find(orgId, installId)
                .orElseThrow(() -> ApiProblemException.notFound("App install " + installId));
    }

    private static void requireActive(List<Party> found, String who, String field) {
        if (found.isEmpty()) {
            throw ApiProblemException.invalid(field, "names no " + who + " of this organization");
        }
        if (!found.get(0).active()) {
            throw new ApiProblemException(422, who + "_deactivated", "Unprocessable Content",
                    "The " + who + " has been deactivated and gets no new app installs");
        }
    }
}
