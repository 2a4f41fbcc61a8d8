package io.rapport.server.event;

import io.rapport.server.common.problem.ApiProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps the body of {@code POST /v1/events} at 1 MiB: refused from {@code Content-Length} before a byte
 * is read, and counted while reading when the body is chunked. Either way the answer is a 413 problem.
 */
public class BodyLimit implements DynamicFeature {
    static final long MAX_BYTES = 1024 * 1024;

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (EventResource.class.isAssignableFrom(resourceInfo.getResourceClass())
                && resourceInfo.getResourceMethod().getName().equals("ingestEvents")) {
            context.register(new Filter(MAX_BYTES));
        }
    }

    private static ApiProblemException tooLarge(long limit) {
        return new ApiProblemException(413, "payload_too_large", "Content Too Large",
                "The request body exceeds " + limit + " bytes; send fewer events per batch");
    }

    @Priority(Priorities.AUTHENTICATION + 10)
    static final class Filter implements ContainerRequestFilter {
        private final long limit;

        Filter(long limit) {
            this.limit = limit;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                    && (length.length() > 18 || Long.parseLong(length) > limit)) {
                throw tooLarge(limit);
            }
            request.setEntityStream(new Counting(request.getEntityStream(), limit));
        }
    }

    /** Throws (unchecked, so Jackson passes it through untouched) once more than the limit has been read. */
    private static final class Counting extends FilterInputStream {
        private final long limit;
        private long count;

        Counting(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
