package io.rapport.server.common.problem;

import io.rapport.server.common.web.RequestIds;
import io.rapport.server.generated.model.FieldError;
import io.rapport.server.generated.model.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper: every failure leaves as RFC 9457 problem+json, with the request id, and
 * never with a stack trace. Dropwizard's default mappers are switched off so nothing bypasses it.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {
    public static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");
    public static final String SHOULD_RETRY = "Rapport-Should-Retry";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);

    private final ProblemTranslator translator = new ProblemTranslator();
    private final Consumer<String> counted;

    public ProblemExceptionMapper() {
        this(code -> { });
    }

    /** {@code counted} hears every answered problem's code (the operations metrics count them). */
    public ProblemExceptionMapper(Consumer<String> counted) {
        this.counted = counted;
    }

    @Override
    public Response toResponse(Throwable exception) {
        ApiProblemException problem = translator.translate(exception);
        String requestId = RequestIds.current();
        counted.accept(problem.code());
        if (problem.status() >= 500) {
            LOG.error("Unexpected failure, requestId={}", requestId, exception);
        }
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(PROBLEM_JSON)
                .entity(body(problem, requestId));
        if (!problem.retryable() && problem.status() >= 400 && problem.status() < 500) {
            response.header(SHOULD_RETRY, "false");
        }
        if (problem.retryable() && problem.status() >= 400 && problem.status() < 500) {
            // A 4xx that clients would not retry by status alone (409 idempotency_request_in_progress).
            response.header(SHOULD_RETRY, "true");
        }
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"rapport\"");
        }
        translator.extraHeaders(exception).forEach(response::header);
        return response.build();
    }

    private static Problem body(ApiProblemException problem, String requestId) {
        Problem body = new Problem()
                .type("https://rapport.dev/problems/" + problem.code().replace('_', '-'))
                .title(problem.title())
                .status(problem.status())
                .code(problem.code())
                .detail(problem.detail())
                .requestId(requestId);
        body.setErrors(problem.errors().isEmpty() ? null : problem.errors().stream()
                .map(error -> new FieldError().field(error.field()).message(error.message()))
                .toList());
        return body;
    }
}
