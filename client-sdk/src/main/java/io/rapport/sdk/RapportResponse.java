package io.rapport.sdk;

/**
 * A call's result with its response's metadata, from {@link RapportClient#withResponse}.
 *
 * @param value    what the call returned
 * @param metadata the last response the call received (after retries, the one that answered)
 * @param <T>      the result type
 */
public record RapportResponse<T>(T value, ResponseMetadata metadata) {
}
