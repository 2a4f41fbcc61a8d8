package io.rapport.server.apikey;

import io.rapport.server.common.auth.Caller;
import io.rapport.server.common.auth.CredentialResolver;
import io.rapport.server.common.auth.OrgKeyCaller;
import io.rapport.server.common.auth.Secrets;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.time.Timestamps;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Authenticates organization API keys by the hash of the presented secret, against the database on every
 * request (a revoked key stops working at once). It runs on every call, so it is one plain prepared
 * statement on a pooled connection: through Jdbi's on-demand DAO, opening the handle and attaching the
 * DAO (a configuration copy per DAO method) cost more CPU than the statement itself.
 */
public class ApiKeyCredentials implements CredentialResolver {
    /**
     * The unrevoked key with this hash, whether it has expired, and its use recorded in the same round trip: at
     * most once a minute per key (so authentication is not a write per request) and only while the
     * organization is active and the key unexpired.
     */
    private static final String FIND_ACTIVE_AND_TOUCH = """
            WITH k AS (
                SELECT k.key_id, k.scopes, o.status AS org_status,
                       (k.expires_at IS NOT NULL AND k.expires_at <= CAST(? AS timestamptz)) AS expired
                FROM api_key k JOIN organization o ON o.org_id = k.org_id
                WHERE k.org_id = ? AND k.key_hash = ? AND k.revoked_at IS NULL
            ), touched AS (
                UPDATE api_key a SET last_used_at = ?
                FROM k
                WHERE a.org_id = ? AND a.key_id = k.key_id AND k.org_status = 'active' AND NOT k.expired
                  AND (a.last_used_at IS NULL OR a.last_used_at < CAST(? AS timestamptz) - interval '1 minute')
            )
            SELECT key_id, scopes, org_status, expired FROM k
            """;
    private final DataSource dataSource;
    private final Clock clock;

    public ApiKeyCredentials(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
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
        return findActiveAndTouch(orgId.get(), Secrets.sha256(token)).map(key -> {
            if (!"active".equals(key.orgStatus())) {
                throw ApiProblemException.forbidden("organization_deactivated", "This organization has been deactivated");
            }
            if (key.expired()) {
                throw new ApiProblemException(401, "api_key_expired", "Unauthorized",
                        "This API key has expired (it was rotated); use the key that replaced it");
            }
            return new OrgKeyCaller(orgId.get(), key.keyId(), Set.copyOf(key.scopes()));
        });
    }

    private Optional<KeyLookup> findActiveAndTouch(UUID orgId, byte[] hash) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FIND_ACTIVE_AND_TOUCH)) {
            var now = Timestamps.now(clock).atOffset(ZoneOffset.UTC);
            statement.setObject(1, now);
            statement.setObject(2, orgId);
            statement.setBytes(3, hash);
            statement.setObject(4, now);
            statement.setObject(5, orgId);
            statement.setObject(6, now);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(lookup(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("API key lookup failed", e);
        }
    }

    private static KeyLookup lookup(ResultSet row) throws SQLException {
        Array scopes = row.getArray(2);
        try {
            return new KeyLookup(row.getObject(1, UUID.class), List.of((String[]) scopes.getArray()),
                    row.getString(3), row.getBoolean(4));
        } finally {
            scopes.free();
        }
    }
}
