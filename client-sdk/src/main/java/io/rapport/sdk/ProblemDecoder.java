package io.rapport.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.sdk.internal.invoker.ApiException;
import io.rapport.sdk.model.Problem;
import java.io.IOException;

/** The one status switch: turns a failed generated call into the SDK's exception for it. */
final class ProblemDecoder {
    private final ObjectMapper mapper;

    ProblemDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    RapportException decode(ApiException e) {
        int status = e.getCode();
        if (status == 0) {
            if (!RetryRules.isTransportFailure(e.getCause())) {
                // Reached, but the answer could not be read (or the thread was interrupted): not a network failure.
                return new RapportException("The call to Rapport failed: " + rootMessage(e), e);
            }
            return new RapportConnectionException("Rapport could not be reached: " + rootMessage(e), e);
        }
        Problem problem = parse(status, e.getResponseBody());
        return switch (status) {
            case 400, 422 -> new InvalidRequestException(status, problem, e);
            case 401 -> new AuthenticationException(status, problem, e);
            case 403 -> new PermissionException(status, problem, e);
            case 404 -> new NotFoundException(status, problem, e);
            case 409, 412 -> new ConflictException(status, problem, e);
            case 429 -> new RateLimitException(status, problem, e);
            default -> status >= 500
                    ? new ServerException(status, problem, e)
                    : new RapportApiException(status, problem, e);
        };
    }

    private Problem parse(int status, String body) {
        if (body != null && !body.isBlank()) {
            try {
                Problem problem = mapper.readValue(body, Problem.class);
                if (problem.getCode() != null) {
                    return problem;
                }
            } catch (IOException ignored) {
                // Not a problem document (a proxy's HTML page, say): describe it below instead.
            }
        }
        return new Problem().status(status).code("http_" + status).title("HTTP " + status)
                .detail(body == null || body.isBlank() ? "No problem document in the response" : abbreviate(body));
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
