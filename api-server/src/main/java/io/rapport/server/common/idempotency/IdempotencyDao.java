package io.rapport.server.common.idempotency;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Each statement runs on its own (autocommit): a claim must be visible to other requests at once. */
@RegisterConstructorMapper(IdempotencyRecord.class)
public interface IdempotencyDao {

    /** True when this request now owns the key; false when a row (live or expired) already holds it. */
    @SqlUpdate("""
            INSERT INTO idempotency_key (org_id, idempotency_key, request_hash, claim_token, state, claimed_at, expires_at)
            VALUES (:scope, :key, :hash, :token, 'in_progress', :now, :expiresAt)
            ON CONFLICT (org_id, idempotency_key) DO NOTHING
            """)
    boolean claim(UUID scope, String key, byte[] hash, UUID token, Instant now, Instant expiresAt);

    @SqlQuery("""
            SELECT request_hash, claim_token, state, claimed_at, expires_at, response_status,
                   response_headers::text AS response_headers, response_body
            FROM idempotency_key
            WHERE org_id = :scope AND idempotency_key = :key
            """)
    Optional<IdempotencyRecord> find(UUID scope, String key);

    @SqlUpdate("DELETE FROM idempotency_key WHERE org_id = :scope AND idempotency_key = :key AND expires_at <= :now")
    boolean deleteExpired(UUID scope, String key, Instant now);

    /** Takes over a claim whose request died; the token check lets exactly one taker win. */
    @SqlUpdate("""
            UPDATE idempotency_key SET claim_token = :token, claimed_at = :now, expires_at = :expiresAt
            WHERE org_id = :scope AND idempotency_key = :key AND state = 'in_progress' AND claim_token = :abandoned
            """)
    boolean takeOver(UUID scope, String key, UUID abandoned, UUID token, Instant now, Instant expiresAt);

    @SqlUpdate("""
            UPDATE idempotency_key
            SET state = 'completed', response_status = :status, response_headers = CAST(:headers AS jsonb),
                response_body = :body, expires_at = :expiresAt
            WHERE org_id = :scope AND idempotency_key = :key AND claim_token = :token AND state = 'in_progress'
            """)
    boolean complete(UUID scope, String key, UUID token, int status, String headers, byte[] body, Instant expiresAt);

    @SqlUpdate("""
            DELETE FROM idempotency_key
            WHERE org_id = :scope AND idempotency_key = :key AND claim_token = :token AND state = 'in_progress'
            """)
    boolean release(UUID scope, String key, UUID token);

    @SqlUpdate("DELETE FROM idempotency_key WHERE expires_at <= :now")
    int purgeExpired(Instant now);
}
