package io.rapport.server.common.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;

/** Names the field behind each bean-validation violation the way the contract names it. */
final class ViolationFields {
    private static final List<String> PARAMETER_PREFIXES =
            List.of("query param ", "path param ", "header ", "form field ", "cookie ");

    private ViolationFields() {
    }

    static List<FieldProblem> of(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    private static String field(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null && !path.isEmpty()) {
                    path.append('[').append(node.getIndex()).append(']');
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(node.getName());
                }
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameter == null ? "body" : parameterName(parameter);
    }

    private static String parameterName(String parameter) {
        for (String prefix : PARAMETER_PREFIXES) {
            if (parameter.startsWith(prefix)) {
                return parameter.substring(prefix.length());
            }
        }
        return "body";
    }
}
