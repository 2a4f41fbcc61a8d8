package io.rapport.server.common.idempotency;

import io.rapport.server.common.auth.Caller;
import io.rapport.server.common.auth.PlatformCaller;
import java.security.Principal;
import java.util.UUID;

/** Keys are scoped per organization, so two tenants may pick the same key; the platform admin has its own scope. */
final class IdempotencyScopes {
    /** The nil UUID: no organization has it, so the platform admin's keys never meet a tenant's. */
    static final UUID PLATFORM = new UUID(0, 0);

    private IdempotencyScopes() {
    }

    static UUID of(Principal principal) {
        if (principal instanceof PlatformCaller) {
            return PLATFORM;
        }
        if (principal instanceof Caller caller) {
            return caller.orgId();
        }
        throw new IllegalStateException("Idempotency applies to authenticated operations only");
    }
}
