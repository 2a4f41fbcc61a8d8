package io.rapport.server.content;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.problem.BadRequestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a raw request body into memory only up to a cap. Past the cap the rest is read and thrown
 * away (up to a bound), so the client still gets a clean 413 instead of a reset connection, and an
 * oversized upload never sits in memory.
 */
final class CappedBody {
    private static final int CHUNK = 64 * 1024;
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private CappedBody() {
    }

    static byte[] read(InputStream in, int cap) {
        try (in) {
            ByteArrayOutputStream kept = new ByteArrayOutputStream(Math.min(cap, CHUNK * 4));
            byte[] chunk = new byte[CHUNK];
            int n;
            while ((n = in.read(chunk)) != -1) {
                if (kept.size() + n > cap) {
                    drain(in, chunk);
                    throw new ApiProblemException(413, "image_too_large", "Content Too Large",
                            "The image is larger than " + cap + " bytes");
                }
                kept.write(chunk, 0, n);
            }
            return kept.toByteArray();
        } catch (IOException e) {
            // The client went away or the body ended early: nothing the server did wrong.
            throw new BadRequestException("incomplete_body", "The request body could not be read to its end", List.of());
        }
    }

    private static void drain(InputStream in, byte[] chunk) throws IOException {
        long discarded = 0;
        int n;
        while (discarded < DRAIN_LIMIT && (n = in.read(chunk)) != -1) {
            discarded += n;
        }
    }
}
