package io.rapport.server.common.problem;

import java.util.List;

/** 400: the request could not be read at all (malformed JSON, unknown field, bad parameter). */
public class BadRequestException extends ApiProblemException {
    public BadRequestException(String code, String detail, List<FieldProblem> errors) {
        super(400, code, "Bad Request", detail, errors, false);
    }
}
