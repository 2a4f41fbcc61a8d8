package io.rapport.server.score.read;

import io.rapport.server.common.problem.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.UUID;

/** Opaque keyset cursor of the change sort: change, score and id of the last row of the previous page. */
record ChangeCursor(int change, int score, UUID relationshipId) {
    private static final String BY_CHANGE = "c";

    /** Largest change first, then highest score, then relationship id descending (as the other sorts). */
    private static final Comparator<ChangeCursor> KEY_ORDER = Comparator
            .comparingInt(ChangeCursor::change)
            .thenComparingInt(ChangeCursor::score)
            .thenComparing(c -> c.relationshipId().toString())
            .reversed();

    static final Comparator<RankedPartner> ORDER = Comparator.comparing(ChangeCursor::after, KEY_ORDER);

    static ChangeCursor after(RankedPartner last) {
        return new ChangeCursor(last.scoreChange7d(), last.scored().score().score(), last.scored().relationshipId());
    }

    /** True when {@code item} sorts strictly after this cursor's row. */
    boolean precedes(RankedPartner item) {
        return KEY_ORDER.compare(after(item), this) > 0;
    }

    String encode() {
        String plain = BY_CHANGE + "|" + change + "|" + score + "|" + relationshipId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Null for the first page; a cursor of another sort is refused. */
    static ChangeCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\|");
            if (parts.length != 4 || !parts[0].equals(BY_CHANGE)) {
                throw new IllegalArgumentException(cursor);
            }
            return new ChangeCursor(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), UUID.fromString(parts[3]));
        } catch (RuntimeException e) {
            throw ApiProblemException.invalid("cursor", "is not a cursor this API returned for this sort");
        }
    }
}
