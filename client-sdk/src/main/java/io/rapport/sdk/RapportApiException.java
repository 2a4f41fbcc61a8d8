package io.rapport.sdk;

import io.rapport.sdk.model.FieldError;
import io.rapport.sdk.model.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The server answered with an RFC 9457 problem. {@link #code()} is the stable machine-readable code
 * to branch on; {@link #requestId()} is what Rapport support needs; {@link #fieldErrors()} names each
 * offending field of a rejected request. Subclasses narrow it by HTTP status.
 */
public class RapportApiException extends RapportException {
    /** @serial the HTTP status */
    private final int status;
    /** @serial the problem document */
    private final Problem problem;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param problem the problem document the server sent
     * @param cause the underlying failure, or null
     */
    public RapportApiException(int status, Problem problem, Throwable cause) {
        super(status + " " + problem.getCode() + ": " + problem.getDetail()
                + (problem.getRequestId() == null ? "" : " (requestId " + problem.getRequestId() + ")"), cause);
        this.status = status;
        this.problem = problem;
    }

    /**
     * The HTTP status code.
     *
     * @return the value
     */
    public int status() {
        return status;
    }

    /**
     * The problem's stable code, for example {@code validation_failed} or {@code missing_scope}.
     *
     * @return the value
     */
    public String code() {
        return problem.getCode();
    }

    /**
     * The server's request id for this call, if it sent one.
     *
     * @return the value
     */
    public String requestId() {
        return problem.getRequestId();
    }

    /**
     * The offending fields of a rejected request; empty when the problem is not about fields.
     *
     * @return the offending fields
     */
    public List<FieldError> fieldErrors() {
        return problem.getErrors() == null ? List.of() : List.copyOf(problem.getErrors());
    }

    /**
     * The message for one field, if that field was rejected.
     *
     * @param field the field name as the problem gives it, for example {@code type}
     * @return the message, if that field was rejected
     */
    public Optional<String> fieldError(String field) {
        return fieldErrors().stream().filter(e -> field.equals(e.getField())).map(FieldError::getMessage).findFirst();
    }

    /**
     * The whole problem document as the server sent it.
     *
     * @return the problem
     */
    public Problem problem() {
        return problem;
    }
}
