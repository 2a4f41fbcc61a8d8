package io.rapport.server.common.auth;

import java.security.Principal;
import java.util.UUID;

/** Who is calling, once their bearer credential has been checked. */
public interface Caller extends Principal {

    /** Whether this caller may use an operation that requires {@code scope} (an {@code x-rapport-scope}). */
    boolean allows(String scope);

    /** The organization whose data this caller may touch. */
    UUID orgId();
}
