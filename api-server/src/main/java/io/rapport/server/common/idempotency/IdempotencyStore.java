package io.rapport.server.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.common.problem.ApiProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Claims idempotency keys and keeps the first response for 24 hours.
 *
 * <p>The claim is a committed {@code INSERT ... ON CONFLICT DO NOTHING}, so of two concurrent requests
 * with one key exactly one runs; the other is told the first is still in progress. A claim whose request
 * died with its process (no response ever stored) is taken over after {@link #ABANDONED_AFTER}, longer
 * than any request may run. The one case this cannot cover is a process dying after the create committed
 * but before its response was stored: the takeover then runs the create a second time.
 */
public class IdempotencyStore {
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final int MAX_ROUNDS = 3;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final IdempotencyDao dao;
    private final Clock clock;
    private final ObjectMapper mapper;

    public IdempotencyStore(Jdbi jdbi, Clock clock, ObjectMapper mapper) {
        this.dao = jdbi.onDemand(IdempotencyDao.class);
        this.clock = clock;
        this.mapper = mapper;
    }

    /**
     * Lets a request run under a new claim, or answers it from the stored response.
     *
     * @throws ApiProblemException 409 {@code idempotency_key_reused} when the key was used for another
     *     request, 409 {@code idempotency_request_in_progress} when the first request has not finished
     */
    Admission admit(UUID scope, String key, byte[] requestHash) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = clock.instant();
            UUID token = UUID.randomUUID();
            if (dao.claim(scope, key, requestHash, token, now, now.plus(RETENTION))) {
                return new Admission.Run(new Claim(scope, key, token));
            }
            Optional<IdempotencyRecord> found = dao.find(scope, key);
            if (found.isEmpty()) {
                continue; // released between our insert and our read: claim again
            }
            IdempotencyRecord existing = found.get();
            if (!existing.expiresAt().isAfter(now)) {
                dao.deleteExpired(scope, key, now);
                continue;
            }
            if (!Arrays.equals(existing.requestHash(), requestHash)) {
                throw ApiProblemException.conflict("idempotency_key_reused",
                        "This Idempotency-Key was already used for a different request; use a new key per request");
            }
            if (existing.completed()) {
                return new Admission.Replay(toResponse(existing));
            }
            if (existing.claimedAt().isBefore(now.minus(ABANDONED_AFTER))
                    && dao.takeOver(scope, key, existing.claimToken(), token, now, now.plus(RETENTION))) {
                return new Admission.Run(new Claim(scope, key, token));
            }
            throw new RequestInProgressException();
        }
        throw new RequestInProgressException(); // the key kept changing hands: let the client come back
    }

    /** Stores the response of a finished request, to be replayed from now on. */
    void complete(Claim claim, StoredResponse response) {
        try {
            dao.complete(claim.scope(), claim.key(), claim.token(), response.status(),
                    mapper.writeValueAsString(response.headers()), response.body(), clock.instant().plus(RETENTION));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Headers are plain strings and always serialize", e);
        }
    }

    /** Gives the key up, so that a retry of the request runs it afresh (after a 5xx, say). */
    void release(Claim claim) {
        dao.release(claim.scope(), claim.key(), claim.token());
    }

    /** Deletes every expired key; run periodically so keys nobody repeats do not pile up. */
    public int purgeExpired() {
        return dao.purgeExpired(clock.instant());
    }

    private StoredResponse toResponse(IdempotencyRecord record) {
        try {
            Map<String, String> headers = record.responseHeaders() == null
                    ? Map.of() : mapper.readValue(record.responseHeaders(), HEADERS);
            byte[] body = record.responseBody() == null ? new byte[0] : record.responseBody();
            return new StoredResponse(record.responseStatus(), headers, body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent response headers are not JSON", e);
        }
    }
}
