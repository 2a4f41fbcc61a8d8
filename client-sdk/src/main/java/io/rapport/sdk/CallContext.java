package io.rapport.sdk;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Per-thread state of the call running on this thread: the per-call timeout (applied by the request
 * interceptor, which runs after the generated code set the client's timeout) and where to record the
 * response's metadata for {@link RapportClient#withResponse}. Calls are synchronous, so the thread is the call.
 */
final class CallContext {
    private static final ThreadLocal<Duration> TIMEOUT = new ThreadLocal<>();
    private static final ThreadLocal<ResponseMetadata[]> CAPTURE = new ThreadLocal<>();

    private CallContext() {
    }

    static Duration timeout(Duration timeout) {
        Duration previous = TIMEOUT.get();
        if (timeout == null) {
            TIMEOUT.remove();
        } else {
            TIMEOUT.set(timeout);
        }
        return previous;
    }

    static void applyTo(HttpRequest.Builder request) {
        Duration timeout = TIMEOUT.get();
        if (timeout != null) {
            request.timeout(timeout);
        }
    }

    static ResponseMetadata[] capture(ResponseMetadata[] sink) {
        ResponseMetadata[] previous = CAPTURE.get();
        if (sink == null) {
            CAPTURE.remove();
        } else {
            CAPTURE.set(sink);
        }
        return previous;
    }

    static void record(int status, HttpHeaders headers) {
        ResponseMetadata[] sink = CAPTURE.get();
        if (sink != null) {
            sink[0] = ResponseMetadata.of(status, headers);
        }
    }
}
