package io.rapport.server.embed;

import io.rapport.server.common.auth.Caller;
import io.rapport.server.common.auth.CredentialResolver;
import io.rapport.server.common.auth.EmbedCaller;
import io.rapport.server.common.problem.ApiProblemException;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Authenticates embed tokens: a well-formed token whose signature verifies with its organization's key,
 * not expired, for an officer and organization still active. The page shows the codes to the officer,
 * so a forged and an expired token answer differently.
 */
public class EmbedTokenCredentials implements CredentialResolver {
    private final Jdbi jdbi;
    private final Clock clock;

    public EmbedTokenCredentials(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> resolve(String token) {
        if (!EmbedTokenFormat.looksLikeToken(token)) {
            return Optional.empty();
        }
        EmbedTokenFormat.Claims claims = EmbedTokenFormat.claimsOf(token).orElseThrow(EmbedTokenCredentials::invalid);
        EmbedKey key = jdbi.withExtension(EmbedDao.class, dao -> dao.key(claims.orgId(), claims.officerId()))
                .orElseThrow(EmbedTokenCredentials::invalid);
        if (key.signingKey() == null || !EmbedTokenFormat.verifies(key.signingKey(), token)) {
            throw invalid();
        }
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw new ApiProblemException(401, "embed_token_expired", "Unauthorized",
                    "This score card link has expired; open it again from your CRM");
        }
        if (!"active".equals(key.orgStatus())) {
            throw ApiProblemException.forbidden("organization_deactivated", "This organization has been deactivated");
        }
        if (!key.officerActive()) {
            throw new ApiProblemException(410, "officer_deactivated", "Gone", "This officer has been deactivated");
        }
        return Optional.of(new EmbedCaller(claims.orgId(), claims.officerId(), claims.expiresAt()));
    }

    private static ApiProblemException invalid() {
        return new ApiProblemException(401, "invalid_credentials", "Unauthorized", "The embed token is not valid");
    }
}
