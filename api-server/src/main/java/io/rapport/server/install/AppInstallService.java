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
    private final InstallLinks links;

    public AppInstallService(Jdbi jdbi, Clock clock, RelationshipRegistry relationships, InstallLinks links) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.relationships = relationships;
        this.links = links;
    }

    public IssuedInstall register(UUID orgId, UUID officerId, UUID partnerId, String platform) {
        String token = InstallTokenFormat.compose(orgId, Secrets.random());
        UUID installId = ids.next();
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            List<Party> parties = handle.attach(EventDao.class).parties(orgId, new UUID[] {officerId}, new String[0],
                    new UUID[] {partnerId}, new String[0]);
            requireActive(parties, "officer", "officerId");
            requireActive(parties, "partner", "partnerId");
            Pair pair = new Pair(officerId, partnerId);
            UUID relationshipId = relationships.ensure(handle, orgId, List.of(pair)).get(pair);
            AppInstallDao dao = handle.attach(AppInstallDao.class);
            dao.insert(orgId, installId, relationshipId, platform, InstallTokenFormat.prefixOf(token),
                    Secrets.sha256(token), now);
            InstallLink link = links.issue(handle, orgId, installId);
            return new IssuedInstall(find(handle, orgId, installId), token, link);
        });
    }

    public AppInstall get(UUID orgId, UUID installId) {
        return jdbi.withHandle(handle -> find(handle, orgId, installId));
    }

    /** A new one-time link for an active install (the phone was lost, the last link expired). */
    public InstallLink newLink(UUID orgId, UUID installId) {
        return jdbi.inTransaction(handle -> {
            AppInstall install = find(handle, orgId, installId);
            if (!"active".equals(install.status())) {
                throw new ApiProblemException(409, "install_inactive", "Conflict",
                        "This app install is " + install.status() + "; register the install again");
            }
            return links.issue(handle, orgId, installId);
        });
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

    private static void requireActive(List<Party> parties, String who, String field) {
        Party found = parties.stream().filter(p -> p.kind().equals(who)).findFirst()
                .orElseThrow(() -> ApiProblemException.invalid(field, "names no " + who + " of this organization"));
        if (!found.active()) {
            throw new ApiProblemException(422, who + "_deactivated", "Unprocessable Content",
                    "The " + who + " has been deactivated and gets no new app installs");
        }
    }
}
