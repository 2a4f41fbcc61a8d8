package io.rapport.sdk;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.rapport.sdk.internal.invoker.ApiException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Runs every generated call: the one place where headers are added, attempts are retried under the
 * {@link RetryPolicy} and failures are decoded. Each retry carries {@code X-Retry-Count} (1, 2, ...);
 * a create's idempotency key is chosen once, before the first attempt, and sent on every one of them.
 * With a circuit breaker configured, an open circuit fails calls at once with
 * {@link CircuitOpenException}. Thread-safe.
 */
final class RequestExecutor {
    static final String RETRY_COUNT = "X-Retry-Count";

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

    /** Told of every retry, before its wait; lets the event tracker count retries. */
    @FunctionalInterface
    interface RetryListener {
        RetryListener NONE = retryCount -> { };

        void retrying(int retryCount);
    }

    private final ProblemDecoder decoder;
    private final RetryPolicy policy;
    private final CircuitBreaker breaker;
    private final RequestOptions options;

    /** {@code breaker} may be null: no circuit breaking. */
    RequestExecutor(ProblemDecoder decoder, RetryPolicy policy, CircuitBreaker breaker) {
        this(decoder, policy, breaker, RequestOptions.NONE);
    }

    private RequestExecutor(ProblemDecoder decoder, RetryPolicy policy, CircuitBreaker breaker, RequestOptions options) {
        this.decoder = decoder;
        this.policy = policy;
        this.breaker = breaker;
        this.options = options;
    }

    /** The same policy and breaker, with {@code more} options over these. */
    RequestExecutor withOptions(RequestOptions more) {
        return new RequestExecutor(decoder, policy, breaker, options.overriddenBy(more));
    }

    <T> T execute(Call<T> call) {
        return execute(call, RetryListener.NONE);
    }

    <T> T execute(Call<T> call, RetryListener listener) {
        Retry.AsyncContext<T> retries = policy.newCall();
        int retryCount = 0;
        while (true) {
            Map<String, String> headers = new HashMap<>(options.headers());
            if (retryCount > 0) {
                headers.put(RETRY_COUNT, Integer.toString(retryCount));
            }
            try {
                T result = attempt(call, headers);
                retries.onComplete();
                return result;
            } catch (ApiException e) {
                long waitMillis = retries.onError(e);
                if (waitMillis < 0) {
                    throw decoder.decode(e);
                }
                retryCount++;
                listener.retrying(retryCount);
                pause(waitMillis, e);
            }
        }
    }

    /**
     * A create gets its idempotency key once, here (the caller's, from {@link RequestOptions}, or a random one),
     * so that every attempt of it is recognised by the server.
     */
    <T> T create(CreateCall<T> call) {
        String idempotencyKey = options.idempotencyKey() != null ? options.idempotencyKey() : UUID.randomUUID().toString();
        return execute(headers -> call.call(idempotencyKey, headers));
    }

    private <T> T attempt(Call<T> call, Map<String, String> headers) throws ApiException {
        Duration previous = CallContext.timeout(options.timeout());
        try {
            return guarded(call, headers);
        } finally {
            CallContext.timeout(previous);
        }
    }

    private <T> T guarded(Call<T> call, Map<String, String> headers) throws ApiException {
        if (breaker == null) {
            return call.call(headers);
        }
        if (!breaker.tryAcquirePermission()) {
            throw new CircuitOpenException("Rapport calls are suspended: circuit breaker '" + breaker.getName()
                    + "' is " + breaker.getState());
        }
        long start = System.nanoTime();
        try {
            T result = call.call(headers);
            breaker.onResult(System.nanoTime() - start, NANOSECONDS, result);
            return result;
        } catch (ApiException e) {
            long elapsed = System.nanoTime() - start;
            if (RetryRules.retryable(e)) {
                breaker.onError(elapsed, NANOSECONDS, e);
            } else {
                // A 4xx means the server is up and answering: it must not open the circuit.
                breaker.onSuccess(elapsed, NANOSECONDS);
            }
            throw e;
        }
    }

    private void pause(long waitMillis, ApiException lastFailure) {
        try {
            policy.pause(waitMillis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            RapportException failure = decoder.decode(lastFailure);
            failure.addSuppressed(interrupted);
            throw failure;
        }
    }
}
