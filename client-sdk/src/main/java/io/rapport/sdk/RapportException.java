package io.rapport.sdk;

/** Base of every exception the SDK throws; unchecked, like the failures of any remote call. */
public class RapportException extends RuntimeException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public RapportException(String message, Throwable cause) {
        super(message, cause);
    }
}
