package io.rapport.server.score;

import io.rapport.server.common.problem.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset cursor of the ranked list: the rank key and id of the last row of the previous page. */
record RankCursor(double rankKey, UUID relationshipId) {

    String encode() {
        String plain = Double.toString(rankKey) + "|" + relationshipId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Null for the first page. */
    static RankCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int bar = plain.indexOf('|');
            return new RankCursor(Double.parseDouble(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ApiProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
