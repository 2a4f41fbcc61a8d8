package io.rapport.server.common.idempotency;

import io.rapport.server.common.problem.ApiProblemException;
import java.util.List;

/** 409 that is worth retrying: the first request with this key is still running. */
final class RequestInProgressException extends ApiProblemException {
    RequestInProgressException() {
        super(409, "idempotency_request_in_progress", "Conflict",
                "A request with this Idempotency-Key is still being processed; retry after a short wait",
                List.of(), true);
    }
}
