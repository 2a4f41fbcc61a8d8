package io.rapport.server.score.read;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.score.write.ScoreRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursor of the officer's partner list: the sort key and id of the last row of the
 * previous page. Exactly one of {@code rankKey} and {@code lastActivityAt} is set, by the sort.
 */
record RankCursor(Double rankKey, Instant lastActivityAt, UUID relationshipId) {
    private static final String BY_SCORE = "s";
    private static final String BY_ACTIVITY = "a";

    static RankCursor after(RankedScore last, boolean byActivity) {
        ScoreRow row = last.score();
        return byActivity ? new RankCursor(null, row.lastActivityAt(), row.relationshipId())
                : new RankCursor(row.rankKey(), null, row.relationshipId());
    }

    String encode() {
        String key = rankKey != null ? BY_SCORE + "|" + rankKey : BY_ACTIVITY + "|" + lastActivityAt;
        String plain = key + "|" + relationshipId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Null for the first page; a cursor of the other sort is refused. */
    static RankCursor decode(String cursor, boolean byActivity) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\|");
            if (parts.length != 3 || !parts[0].equals(byActivity ? BY_ACTIVITY : BY_SCORE)) {
                throw new IllegalArgumentException(cursor);
            }
            UUID id = UUID.fromString(parts[2]);
            return byActivity ? new RankCursor(null, Instant.parse(parts[1]), id)
                    : new RankCursor(Double.parseDouble(parts[1]), null, id);
        } catch (RuntimeException e) {
            throw ApiProblemException.invalid("cursor", "is not a cursor this API returned for this sort");
        }
    }
}
