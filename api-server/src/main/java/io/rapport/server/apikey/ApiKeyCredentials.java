package io.rapport.server.apikey;

import io.rapport.server.common.auth.Caller;
import io.rapport.server.common.auth.CredentialResolver;
import io.rapport.server.common.auth.OrgKeyCaller;
import io.rapport.server.common.auth.Secrets;
import io.rapport.server.common.jdbi.SqlObjects;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Timestamps;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Authenticates organization API keys by the hash of the presented secret. */
public class ApiKeyCredentials implements CredentialResolver {
    private final ApiKeyDao keys;
    private final Clock clock;

    public ApiKeyCredentials(Jdbi jdbi, Clock clock) {
        SqlObjects.warm(jdbi, ApiKeyDao.class);
        this.keys = jdbi.onDemand(ApiKeyDao.class);
        this.clock = clock;
    }

    @Override
    public Optional<Caller> resolve(String token) {
        if (!ApiKeyFormat.looksLikeKey(token)) {
            return Optional.empty();
        }
        Optional<UUID> orgId = ApiKeyFormat.orgIdOf(token);
        if (orgId.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = Secrets.sha256(token);
        return keys.findActiveAndTouch(orgId.get(), hash, Timestamps.now(clock)).map(key -> {
            if (!"active".equals(key.orgStatus())) {
                throw ApiProblemException.forbidden("organization_deactivated", "This organization has been deactivated");
            }
            return new OrgKeyCaller(orgId.get(), key.keyId(), Set.copyOf(key.scopes()));
        });
    }
}
