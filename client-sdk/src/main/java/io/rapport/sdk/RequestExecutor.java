package io.rapport.sdk;

import io.rapport.sdk.generated.invoker.ApiException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Runs every generated call: the one place where headers are added and failures are decoded, so the
 * retry policy has one place to live too. Thread-safe.
 */
final class RequestExecutor {

    /** A generated call, given the extra headers to send. */
    @FunctionalInterface
    interface Call<T> {
        T call(Map<String, String> headers) throws ApiException;
    }

    /** A generated create, given its idempotency key and the extra headers to send. */
    @FunctionalInterface
    interface CreateCall<T> {
        T call(String idempotencyKey, Map<String, String> headers) throws ApiException;
    }

    private final ProblemDecoder decoder;

    RequestExecutor(ProblemDecoder decoder) {
        this.decoder = decoder;
    }

    <T> T execute(Call<T> call) {
        try {
            return call.call(new HashMap<>());
        } catch (ApiException e) {
            throw decoder.decode(e);
        }
    }

    /** A create gets its idempotency key once, here, so that any repeat of it is recognised by the server. */
    <T> T create(CreateCall<T> call) {
        String idempotencyKey = UUID.randomUUID().toString();
        return execute(headers -> call.call(idempotencyKey, headers));
    }
}
