package io.rapport.server.apikey;

import io.rapport.server.common.auth.Secrets;
import io.rapport.server.common.paging.Cursor;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Ids;
import io.rapport.server.common.time.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Issues, lists and revokes organization API keys. */
public class ApiKeyService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;

    public ApiKeyService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    public IssuedKey issue(UUID orgId, String name, List<String> scopes) {
        String secret = ApiKeyFormat.compose(orgId, Secrets.random());
        ApiKey key = new ApiKey(orgId, ids.next(), name, ApiKeyFormat.prefixOf(secret), List.copyOf(scopes),
                Timestamps.now(clock), null, null);
        jdbi.useTransaction(handle -> {
            if (handle.createQuery("SELECT 1 FROM organization WHERE org_id = :orgId")
                    .bind("orgId", orgId).mapTo(Integer.class).findOne().isEmpty()) {
                throw ApiProblemException.notFound("Organization " + orgId);
            }
            handle.attach(ApiKeyDao.class).insert(key, Secrets.sha256(secret), scopes.toArray(String[]::new));
        });
        return new IssuedKey(key, secret);
    }

    public Page<ApiKey> list(UUID orgId, String cursor, int limit) {
        UUID after = Cursor.decode(cursor);
        return Page.of(jdbi.withExtension(ApiKeyDao.class, dao -> dao.list(orgId, after, limit + 1)), limit, ApiKey::keyId);
    }

    public void revoke(UUID orgId, UUID keyId) {
        Instant now = Timestamps.now(clock);
        if (jdbi.withExtension(ApiKeyDao.class, dao -> dao.revoke(orgId, keyId, now)) == 0) {
            throw ApiProblemException.notFound("API key " + keyId);
        }
    }
}
