package io.rapport.server.common.problem;

import java.util.List;

/**
 * A failure the client can act on. Services and resources throw it; {@link ProblemExceptionMapper}
 * turns it into RFC 9457 problem+json. The {@code code} is part of the API contract: never rename one.
 */
public class ApiProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final List<FieldProblem> errors;
    private final boolean retryable;

    public ApiProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of(), false);
    }

    protected ApiProblemException(int status, String code, String title, String detail,
                                  List<FieldProblem> errors, boolean retryable) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryable = retryable;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Whether repeating the same request may succeed later; drives {@code Rapport-Should-Retry}. */
    public boolean retryable() {
        return retryable;
    }

    public static ApiProblemException notFound(String what) {
        return new ApiProblemException(404, "not_found", "Not Found", what + " was not found");
    }

    public static ApiProblemException conflict(String code, String detail) {
        return new ApiProblemException(409, code, "Conflict", detail);
    }

    public static ApiProblemException invalid(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    public static ApiProblemException unauthorized(String detail) {
        return new ApiProblemException(401, "unauthorized", "Unauthorized", detail);
    }

    public static ApiProblemException forbidden(String code, String detail) {
        return new ApiProblemException(403, code, "Forbidden", detail);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Expected client errors: a stack trace would cost time and say nothing.
        return this;
    }
}
