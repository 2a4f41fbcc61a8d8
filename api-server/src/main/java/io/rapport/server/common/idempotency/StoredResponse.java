package io.rapport.server.common.idempotency;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The first response to an idempotent request: what every repeat of it gets back. */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {

    Response.ResponseBuilder replay() {
        Response.ResponseBuilder builder = Response.status(status).entity(body.length == 0 ? null : body);
        headers.forEach(builder::header);
        return builder.header(IdempotencyFilter.REPLAYED, "true");
    }
}
