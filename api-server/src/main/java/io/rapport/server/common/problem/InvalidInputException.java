package io.rapport.server.common.problem;

import java.util.List;

/** 422: the request is well-formed JSON but breaks the contract's rules, field by field. */
public class InvalidInputException extends ApiProblemException {
    public InvalidInputException(List<FieldProblem> errors) {
        super(422, "validation_failed", "Unprocessable Content",
                "The request has " + errors.size() + " invalid field(s)", errors, false);
    }
}
