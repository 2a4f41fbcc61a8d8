package io.rapport.server.install;

import io.rapport.server.audit.AuditActions;
import io.rapport.server.audit.AuditLog;
import io.rapport.server.common.auth.RotationWindow;
import io.rapport.server.common.auth.Secrets;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Ids;
import io.rapport.server.event.EventDao;
import io.rapport.server.event.Pair;
import io.rapport.server.event.Party;
import io.rapport.server.event.RelationshipRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.rapport.server.common.jdbi.SqlErrors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.Jdbi;

/** Registers app installs (creating the relationship on first sight), shows and revokes them. */
public class AppInstallService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;
    private final RelationshipRegistry relationships;
    private final AuditLog audit;
    private final InstallLinks links;

    public AppInstallService(Jdbi jdbi, Clock clock, RelationshipRegistry relationships, InstallLinks links) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.relationships = relationships;
        this.audit = new AuditLog(clock);
        this.links = links;
    }

    public IssuedInstall register(UUID orgId, UUID officerId, UUID partnerId, String platform) {
        String token = InstallTokenFormat.compose(orgId, Secrets.random());
        UUID installId = ids.next();
        Instant now = clock.instant();
        try {
            return registerIn(orgId, officerId, partnerId, platform, token, installId, now);
        } catch (StatementException e) {
            if (!SqlErrors.isForeignKeyViolation(e)) {
                throw e;
            }
            // the partner was erased between the check below and the insert (privacy.ErasureService)
            throw ApiProblemException.invalid("partnerId", "names no partner of this organization");
        }
    }

    private IssuedInstall registerIn(UUID orgId, UUID officerId, UUID partnerId, String platform, String token,
                                     UUID installId, Instant now) {
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
            AppInstall install = find(handle, orgId, installId);
            audit.record(handle, orgId, AuditActions.APP_INSTALL_CREATED, "app_install", installId, details(install));
            return new IssuedInstall(install, token, links.issue(handle, orgId, installId));
        });
    }

    /**
     * A new install (token) for the same relationship and platform, and the old one set to expire at
     * {@code oldExpiresAt} (default 24 hours), so the app switches tokens without downtime.
     */
    public IssuedInstall rotate(UUID orgId, UUID installId, Instant oldExpiresAt) {
        Instant now = clock.instant();
        Instant expiry = RotationWindow.oldExpiry(oldExpiresAt, now);
        return jdbi.inTransaction(handle -> {
            AppInstallDao dao = handle.attach(AppInstallDao.class);
            dao.shareRelationship(orgId, installId);
            AppInstall old = dao.lock(orgId, installId)
                    .orElseThrow(() -> ApiProblemException.notFound("App install " + installId));
            if (!"active".equals(old.status())) {
                throw ApiProblemException.conflict("install_not_active", "Only an active install can be rotated");
            }
            dao.expire(orgId, installId, expiry);
            String token = InstallTokenFormat.compose(orgId, Secrets.random());
            UUID newId = ids.next();
            dao.insert(orgId, newId, old.relationshipId(), old.platform(), InstallTokenFormat.prefixOf(token),
                    Secrets.sha256(token), now);
            AppInstall install = find(handle, orgId, newId);
            Map<String, Object> details = details(install);
            details.put("replacedInstallId", installId.toString());
            audit.record(handle, orgId, AuditActions.APP_INSTALL_ROTATED, "app_install", newId, details);
            // the phone moves to the new install through a new link, as after registration
            return new IssuedInstall(install, token, links.issue(handle, orgId, newId));
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

    /** Revoking twice is harmless, and audited once: only the revocation that changed the install is recorded. */
    public void revoke(UUID orgId, UUID installId) {
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            AppInstallDao dao = handle.attach(AppInstallDao.class);
            AppInstall install = dao.lock(orgId, installId)
                    .orElseThrow(() -> ApiProblemException.notFound("App install " + installId));
            if (install.revokedAt() == null) {
                dao.revoke(orgId, installId, now);
                audit.record(handle, orgId, AuditActions.APP_INSTALL_REVOKED, "app_install", installId, details(install));
            }
        });
    }

    private static Map<String, Object> details(AppInstall install) {
        Map<String, Object> details = new HashMap<>();
        details.put("relationshipId", install.relationshipId().toString());
        details.put("officerId", install.officerId().toString());
        if (install.platform() != null) {
            details.put("platform", install.platform());
        }
        return details;
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
