package io.rapport.server.common.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores the serialized body of a claimed request's response. It is stored before a byte goes to the
 * client, so a client that hangs up still finds its response when it retries.
 */
final class ResponseRecorder implements WriterInterceptor {
    static final String PENDING = ResponseRecorder.class.getName() + ".pending";

    /** A response waiting for its serialized body. */
    record Pending(Claim claim, int status, String location) {
    }

    private final IdempotencyStore store;

    ResponseRecorder(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(PENDING) instanceof Pending pending)) {
            context.proceed();
            return;
        }
        context.removeProperty(PENDING);
        OutputStream wire = context.getOutputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        context.setOutputStream(buffer);
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            store.release(pending.claim());
            throw e;
        }
        store.complete(pending.claim(), stored(pending.status(), pending.location(), context.getMediaType(),
                buffer.toByteArray()));
        context.setOutputStream(wire);
        buffer.writeTo(wire);
    }

    static StoredResponse stored(int status, String location, MediaType type, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (type != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, type.toString());
        }
        if (location != null) {
            headers.put(HttpHeaders.LOCATION, location);
        }
        return new StoredResponse(status, headers, body);
    }
}
