package io.rapport.server.install;

import io.rapport.server.common.auth.Caller;
import io.rapport.server.common.auth.CredentialResolver;
import io.rapport.server.common.auth.InstallCaller;
import io.rapport.server.common.auth.Secrets;
import io.rapport.server.common.problem.ApiProblemException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Authenticates app install tokens by the hash of the presented token. A revoked token is unknown
 * (401); an uninstalled app's token is refused with its own code.
 */
public class InstallTokenCredentials implements CredentialResolver {
    private final Jdbi jdbi;
    private final Clock clock;

    public InstallTokenCredentials(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> resolve(String token) {
        if (!InstallTokenFormat.looksLikeToken(token)) {
            return Optional.empty();
        }
        Optional<UUID> orgId = InstallTokenFormat.orgIdOf(token);
        if (orgId.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withExtension(AppInstallDao.class, dao -> dao.findByToken(orgId.get(), Secrets.sha256(token),
                        clock.instant()))
                .map(install -> {
                    if (!"active".equals(install.orgStatus())) {
                        throw ApiProblemException.forbidden("organization_deactivated",
                                "This organization has been deactivated");
                    }
                    if (!"active".equals(install.status())) {
                        throw new ApiProblemException(401, "install_inactive", "Unauthorized",
                                "This app install was uninstalled; register the install again");
                    }
                    if (install.expired()) {
                        throw new ApiProblemException(401, "install_token_expired", "Unauthorized",
                                "This install token has expired (it was rotated); use the token that replaced it");
                    }
                    return new InstallCaller(orgId.get(), install.installId(), install.officerId(), install.partnerId(),
                            install.relationshipId());
                });
    }
}
