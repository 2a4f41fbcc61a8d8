package io.rapport.server.common.web;

import io.rapport.server.common.problem.FieldProblem;
import io.rapport.server.common.problem.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link TextGuard} of everything that is not a body: decoded path, query parameters and header
 * values. {@code ?type=%00} reached a SQL statement and failed it with a 500; it is a 422 naming the
 * parameter now, before authentication or any resource runs.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class ParameterTextFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (ControlCharacters.in(request.getUriInfo().getPath(true))) {
            problems.add(new FieldProblem("path", ControlCharacters.MESSAGE));
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            if (ControlCharacters.in(parameter.getKey()) || parameter.getValue().stream().anyMatch(ControlCharacters::in)) {
                problems.add(new FieldProblem(printable(parameter.getKey()), ControlCharacters.MESSAGE));
            }
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            if (header.getValue().stream().anyMatch(ControlCharacters::in)) {
                problems.add(new FieldProblem(printable(header.getKey()), ControlCharacters.MESSAGE));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.chars().filter(c -> !ControlCharacters.disallowed((char) c)).forEach(c -> out.append((char) c));
        return out.toString();
    }
}
