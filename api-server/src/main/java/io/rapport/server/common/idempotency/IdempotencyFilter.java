package io.rapport.server.common.idempotency;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.problem.BadRequestException;
import io.rapport.server.common.problem.ProblemExceptionMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Runs a create at most once per {@code Idempotency-Key}: claims the key before the resource runs,
 * replays the stored response to repeats, and on the way out either keeps the response (2xx, and 4xx
 * the server marks final with {@code Rapport-Should-Retry: false}) or releases the key (5xx and
 * retryable 4xx), so that a retry runs the request again. Runs after authentication and rate limiting.
 */
@Priority(Priorities.USER)
final class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final IdempotencyStore store;

    IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        byte[] body = readBody(request);
        URI uri = request.getUriInfo().getRequestUri();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Admission admission = store.admit(IdempotencyScopes.of(request.getSecurityContext().getUserPrincipal()),
                key, RequestFingerprint.of(request.getMethod(), target, body));
        if (admission instanceof Admission.Replay replay) {
            request.abortWith(replay.response().replay().build());
        } else if (admission instanceof Admission.Run run) {
            request.setProperty(CLAIM, run.claim());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        request.removeProperty(CLAIM);
        if (!isFinal(response)) {
            store.release(claim);
        } else if (response.hasEntity()) {
            // The body is not serialized yet: ResponseRecorder stores it once it is.
            request.setProperty(ResponseRecorder.PENDING, new ResponseRecorder.Pending(claim, response.getStatus(),
                    response.getHeaderString("Location")));
        } else {
            store.complete(claim, ResponseRecorder.stored(response.getStatus(), response.getHeaderString("Location"),
                    null, new byte[0]));
        }
    }

    private static boolean isFinal(ContainerResponseContext response) {
        int status = response.getStatus();
        return status >= 200 && status < 300 || status >= 400 && status < 500
                && "false".equals(response.getHeaderString(ProblemExceptionMapper.SHOULD_RETRY));
    }

    private static byte[] readBody(ContainerRequestContext request) {
        try {
            // Creates are small; reading at most a little more than the cap keeps a huge body out of memory.
            byte[] body = request.getEntityStream().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiProblemException(413, "payload_too_large", "Content Too Large",
                        "The request body exceeds " + MAX_BODY_BYTES + " bytes");
            }
            request.setEntityStream(new ByteArrayInputStream(body));
            return body;
        } catch (IOException e) {
            throw new BadRequestException("incomplete_body", "The request body ended early", List.of());
        }
    }
}
