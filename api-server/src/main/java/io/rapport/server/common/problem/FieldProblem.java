package io.rapport.server.common.problem;

/** One offending field of a request: a JSON path relative to the body, or a parameter name. */
public record FieldProblem(String field, String message) {
}
