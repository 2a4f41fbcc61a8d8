package io.rapport.server.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Set;

/**
 * A request refused before its body was read (401, 403, 413, 415, 429 …) leaves that body on the
 * connection; Jetty then drops a kept-alive connection it cannot drain, and a client learns it only
 * when its next request on it fails. Saying {@code Connection: close} on such answers lets the client
 * open a new connection instead of reusing a dead one.
 */
public class EarlyErrorConnectionClose implements ContainerResponseFilter {
    private static final Set<Integer> BEFORE_BODY = Set.of(401, 403, 405, 406, 411, 413, 415, 429);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (BEFORE_BODY.contains(response.getStatus()) && hasBody(request)) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }
}
