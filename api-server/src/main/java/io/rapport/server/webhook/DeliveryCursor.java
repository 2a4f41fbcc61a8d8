package io.rapport.server.webhook;

import io.rapport.server.common.problem.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset cursor of a subscription's deliveries, newest first: the last row's creation position. */
final class DeliveryCursor {
    private static final String PREFIX = "wd:";

    private DeliveryCursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@link Long#MAX_VALUE} (before the newest) for the first page. */
    static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Long.MAX_VALUE;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!plain.startsWith(PREFIX)) {
                throw new IllegalArgumentException(plain);
            }
            return Long.parseLong(plain.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
