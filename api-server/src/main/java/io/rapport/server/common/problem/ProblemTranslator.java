package io.rapport.server.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import org.eclipse.jetty.io.EofException;
import org.glassfish.jersey.server.ParamException;

/** Turns the exceptions Jersey, Jackson and the validator throw into {@link ApiProblemException}s. */
final class ProblemTranslator {

    ApiProblemException translate(Throwable e) {
        if (e instanceof ApiProblemException problem) {
            return problem;
        }
        if (e instanceof ConstraintViolationException violations) {
            return new InvalidInputException(ViolationFields.of(violations));
        }
        if (e instanceof JsonProcessingException json) {
            return fromJson(json);
        }
        if (e instanceof ParamException param) {
            return fromParam(param);
        }
        if (e instanceof WebApplicationException web) {
            return fromWeb(web);
        }
        if (e instanceof EofException) {
            return new BadRequestException("incomplete_body", "The request body ended early", List.of());
        }
        if (causedBy(e, ZipException.class)) {
            return new BadRequestException("malformed_body", "The request body is not valid for its Content-Encoding",
                    List.of());
        }
        return new ApiProblemException(500, "internal_error", "Internal Server Error",
                "An unexpected error occurred; quote the requestId when reporting it");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    Map<String, String> extraHeaders(Throwable e) {
        if (e instanceof NotAllowedException notAllowed) {
            return Map.of("Allow", String.join(", ", notAllowed.getResponse().getAllowedMethods()));
        }
        return Map.of();
    }

    private static ApiProblemException fromJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = JsonPaths.of(unknown);
            return new BadRequestException("unknown_field", "Unknown field '" + field + "'",
                    List.of(new FieldProblem(field, "is not a field of this request")));
        }
        if (e instanceof InvalidFormatException || e instanceof ValueInstantiationException) {
            JsonMappingException mapping = (JsonMappingException) e;
            return ApiProblemException.invalid(JsonPaths.of(mapping), "has a value of the wrong type or outside the allowed set");
        }
        if (e instanceof MismatchedInputException missing && isMissingRequired(missing)) {
            return ApiProblemException.invalid(JsonPaths.of(missing), "is required");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.of(mapping);
            return new BadRequestException("malformed_json", "The JSON does not have the expected shape at '" + field + "'",
                    List.of(new FieldProblem(field, "has the wrong JSON type")));
        }
        return new BadRequestException("malformed_json", "The request body is not valid JSON", List.of());
    }

    // Generated models mark required properties on their @JsonCreator, and Jackson reports a missing
    // one with this message only; it is a validation failure, not malformed JSON.
    private static boolean isMissingRequired(MismatchedInputException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Missing required creator property");
    }

    private static ApiProblemException fromParam(ParamException e) {
        if (e instanceof ParamException.PathParamException) {
            return ApiProblemException.notFound("The resource");
        }
        return new BadRequestException("invalid_parameter", "Parameter '" + e.getParameterName() + "' is not valid",
                List.of(new FieldProblem(e.getParameterName(), "cannot be read as the expected type")));
    }

    private static ApiProblemException fromWeb(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException) {
            return new ApiProblemException(404, "not_found", "Not Found", "No such resource");
        }
        if (e instanceof NotAllowedException) {
            return new ApiProblemException(405, "method_not_allowed", "Method Not Allowed",
                    "This resource does not support that method");
        }
        if (e instanceof NotSupportedException) {
            return new ApiProblemException(415, "unsupported_media_type", "Unsupported Media Type",
                    "Send the body as application/json");
        }
        if (e instanceof NotAcceptableException) {
            return new ApiProblemException(406, "not_acceptable", "Not Acceptable",
                    "This resource answers application/json");
        }
        if (status == 413) {
            return new ApiProblemException(413, "payload_too_large", "Content Too Large", "The request body is too large");
        }
        if (status >= 500) {
            return new ApiProblemException(status, "internal_error", "Internal Server Error", "An unexpected error occurred");
        }
        return new ApiProblemException(status, "http_" + status, e.getResponse().getStatusInfo().getReasonPhrase(),
                e.getMessage());
    }
}
