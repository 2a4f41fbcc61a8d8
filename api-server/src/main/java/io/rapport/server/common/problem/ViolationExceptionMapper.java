package io.rapport.server.common.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Jersey's bean-validation module brings its own mapper for {@link ValidationException} (a bare 400);
 * this one is more specific, so validation failures reach {@link ProblemExceptionMapper} too.
 */
@Provider
public class ViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {
    private final ProblemExceptionMapper problems;

    public ViolationExceptionMapper(ProblemExceptionMapper problems) {
        this.problems = problems;
    }

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return problems.toResponse(exception);
    }
}
