package io.rapport.server.content;

import io.rapport.server.common.problem.FieldProblem;
import io.rapport.server.common.problem.InvalidInputException;
import io.rapport.server.common.web.HttpUrls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules the contract's schema cannot say: links the app may open, what each kind needs, a
 * publish window that is a window. Lengths and the set of kinds are the contract's, checked before.
 */
final class ContentRules {
    static final int MAX_PARAMETERS_BYTES = 8 * 1024;
    private static final Set<String> NEEDS_URL = Set.of("video", "cobranded_flyer");

    private ContentRules() {
    }

    static void check(ContentDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        link(problems, "url", d.url());
        link(problems, "imageUrl", d.imageUrl());
        if (NEEDS_URL.contains(d.kind()) && d.url() == null) {
            problems.add(new FieldProblem("url", "is required for a " + d.kind()));
        }
        if (d.kind().equals("article") && d.url() == null && d.body() == null) {
            problems.add(new FieldProblem("body", "an article needs a body or a url"));
        }
        parameters(problems, d);
        if (d.publishAt() != null && d.expireAt() != null && !d.expireAt().isAfter(d.publishAt())) {
            problems.add(new FieldProblem("expireAt", "must be after publishAt"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void parameters(List<FieldProblem> problems, ContentDraft d) {
        boolean calculator = d.kind().equals("calculator");
        if (calculator && d.parameters() == null) {
            problems.add(new FieldProblem("parameters", "is required for a calculator (its defaults, as a JSON object)"));
        } else if (!calculator && d.parameters() != null) {
            problems.add(new FieldProblem("parameters", "only a calculator has parameters"));
        } else if (d.parameters() != null && d.parameters().getBytes(StandardCharsets.UTF_8).length > MAX_PARAMETERS_BYTES) {
            problems.add(new FieldProblem("parameters", "must be at most " + MAX_PARAMETERS_BYTES + " bytes of JSON"));
        }
    }

    private static void link(List<FieldProblem> problems, String field, String value) {
        if (value != null && !HttpUrls.isHttpUrl(value)) {
            problems.add(new FieldProblem(field, "must be an absolute http(s) URL"));
        }
    }
}
