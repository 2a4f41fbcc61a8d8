package io.rapport.server.event;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.problem.BadRequestException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Caps the body of {@code POST /v1/events} at 1 MiB: refused from {@code Content-Length} before a byte
 * is read (the server holds the client to its Content-Length), or, for a chunked body, after reading
 * one byte past the limit. Either way the answer is a 413 problem.
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
            if (length == null) {
                request.setEntityStream(new ByteArrayInputStream(readAtMost(request.getEntityStream())));
            }
        }

        /**
         * A chunked body is read here, at most one byte past the limit, rather than counted while Jackson
         * parses: Jackson would wrap our exception into a JSON error and the client would see a 400.
         */
        private byte[] readAtMost(InputStream in) {
            try {
                byte[] body = in.readNBytes((int) limit + 1);
                if (body.length > limit) {
                    throw tooLarge(limit);
                }
                return body;
            } catch (IOException e) {
                throw new BadRequestException("incomplete_body", "The request body ended early", List.of());
            }
        }
    }
}
