package io.rapport.server.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.server.common.web.RequestIds;
import io.rapport.server.generated.model.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a URI it refuses, headers or a URI too long, TRACE, an error sent by a
 * servlet filter) as the same RFC 9457 problem+json the API's mapper writes, with a stable code and a
 * request id, instead of Jetty's HTML page or an empty body. Installed on the server (requests that
 * never reach a context) and on both servlet contexts.
 */
public class ProblemErrorHandler extends ErrorHandler {
    private final ObjectMapper mapper;

    public ProblemErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        if (status == 505) {
            // Jetty's answer to a request line it cannot read (no or an unknown HTTP version): the client's fault.
            status = 400;
            response.setStatus(400);
        }
        Object attribute = request.getAttribute(RequestIds.ATTRIBUTE);
        String requestId = attribute instanceof String id ? id : UUID.randomUUID().toString();
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, ProblemExceptionMapper.PROBLEM_JSON.toString());
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put(RequestIds.HEADER, requestId);
        if (status < 500) {
            headers.put(ProblemExceptionMapper.SHOULD_RETRY, "false");
        }
        response.write(true, ByteBuffer.wrap(body(status, requestId)), callback);
        return true;
    }

    /** Messages Jetty's HTTP parser refuses before there is a request at all (431, 414, a broken request line). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = UUID.randomUUID().toString();
        fields.put(HttpHeader.CONTENT_TYPE, ProblemExceptionMapper.PROBLEM_JSON.toString());
        fields.put(RequestIds.HEADER, requestId);
        return ByteBuffer.wrap(body(status, requestId));
    }

    private byte[] body(int status, String requestId) {
        String code = code(status);
        Problem problem = new Problem()
                .type("https://rapport.dev/problems/" + code.replace('_', '-'))
                .title(HttpStatus.getMessage(status))
                .status(status)
                .code(code)
                .detail(detail(status))
                .requestId(requestId);
        problem.setErrors(null);
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status + ",\"code\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Stable codes: part of the API like the mapper's. */
    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 411 -> "length_required";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 500 -> "internal_error";
            case 501 -> "not_implemented";
            case 503 -> "unavailable";
            case 505 -> "http_version_not_supported";
            default -> "http_" + status;
        };
    }

    // Jetty's own messages can echo what was sent; a fixed sentence per status says enough.
    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read (malformed request line, URI, header or encoding)";
            case 404 -> "No such resource";
            case 405 -> "This resource does not support that method";
            case 413 -> "The request body is too large";
            case 414 -> "The request URI is too long";
            case 431 -> "The request headers are too large";
            default -> HttpStatus.getMessage(status);
        };
    }
}
