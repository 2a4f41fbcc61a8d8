package io.rapport.server.score.read;

import io.rapport.server.common.problem.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque position in the change feed: the last sequence number the reader has seen. */
final class FeedCursor {
    private static final String PREFIX = "sc:";

    private FeedCursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** 0 (the beginning) when absent. */
    static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!plain.startsWith(PREFIX)) {
                throw new IllegalArgumentException(plain);
            }
            long seq = Long.parseLong(plain.substring(PREFIX.length()));
            if (seq < 0) {
                throw new IllegalArgumentException(plain);
            }
            return seq;
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.invalid("after", "is not a cursor this API returned");
        }
    }
}
