package io.rapport.server.score.read;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.problem.BadRequestException;
import io.rapport.server.common.problem.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque position in the change feed: the last sequence number the reader has seen. */
final class FeedCursor {
    private static final String PREFIX = "sc:";

    private FeedCursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The position a request gives as `cursor` or as `after` (its older name, kept for existing pollers),
     * checked here so a bad one names the parameter it came in.
     */
    static String of(String cursor, String after) {
        if (cursor != null && after != null && !cursor.equals(after)) {
            throw new BadRequestException("conflicting_parameters", "Give the feed position as cursor or as after, not both",
                    List.of(new FieldProblem("after", "conflicts with cursor")));
        }
        String given = cursor != null ? cursor : after;
        decode(given, cursor != null ? "cursor" : "after");
        return given;
    }

    /** 0 (the beginning) when absent. */
    static long decode(String cursor) {
        return decode(cursor, "cursor");
    }

    private static long decode(String cursor, String field) {
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
            throw ApiProblemException.invalid(field, "is not a cursor this API returned");
        }
    }
}
