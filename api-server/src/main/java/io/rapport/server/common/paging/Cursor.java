package io.rapport.server.common.paging;

import io.rapport.server.common.problem.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset cursor: the id of the last row of the previous page. */
public final class Cursor {
    private Cursor() {
    }

    public static String after(UUID lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The id to continue after, or null for the first page. */
    public static UUID decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
