package io.rapport.server.common.idempotency;

import java.util.UUID;

/** A key this request owns until it completes or releases it; the token proves the ownership. */
record Claim(UUID scope, String key, UUID token) {
}
