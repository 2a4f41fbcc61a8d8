package io.rapport.sdk;

/** Base of every exception the SDK throws; unchecked, like the failures of any remote call. */
public class RapportException extends RuntimeException {
    public RapportException(String message, Throwable cause) {
        super(message, cause);
    }
}
