package io.rapport.sdk;

/**
 * The client's circuit breaker is open after repeated failures, so the request was not sent at all.
 * Only thrown when a circuit breaker was configured on {@link RapportClient.Builder#circuitBreaker}.
 */
public class CircuitOpenException extends RapportConnectionException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public CircuitOpenException(String message) {
        super(message, null);
    }
}
