package io.rapport.sdk;

/**
 * The server could not be reached or did not answer (connection refused or reset, timeout). The
 * request may or may not have been processed; creates are safe to repeat with the same idempotency key.
 */
public class RapportConnectionException extends RapportException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public RapportConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
