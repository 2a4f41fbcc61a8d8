package io.rapport.server.common.auth;

import java.util.UUID;

/**
 * The authenticated caller of the request this thread is serving. Jersey runs request filters and
 * the resource method on one thread, so {@link AuthFilter} sets it and resources read it; the
 * generated interfaces leave no room for a {@code @Context} parameter.
 */
public final class Callers {
    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private Callers() {
    }

    static void set(Caller caller) {
        CURRENT.set(caller);
    }

    /** Forgets the caller once the response is on its way. */
    public static void clear() {
        CURRENT.remove();
    }

    public static Caller current() {
        Caller caller = CURRENT.get();
        if (caller == null) {
            throw new IllegalStateException("No authenticated caller on this thread");
        }
        return caller;
    }

    /** The caller, or empty on a thread serving no request (a background job, the demo). */
    public static java.util.Optional<Caller> find() {
        return java.util.Optional.ofNullable(CURRENT.get());
    }

    public static UUID orgId() {
        return current().orgId();
    }
}
