package io.rapport.sdk;

/**
 * A webhook delivery failed verification: a header is missing, the timestamp is outside the tolerance,
 * or no signature matches. Answer such a request with 400 and do not act on it.
 */
public class WebhookVerificationException extends RapportException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public WebhookVerificationException(String message) {
        super(message, null);
    }
}
