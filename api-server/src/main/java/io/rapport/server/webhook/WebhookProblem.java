package io.rapport.server.webhook;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.problem.FieldProblem;
import java.util.List;
import java.util.TreeSet;

/** 422s of webhook subscriptions, each with a stable code and the offending field. */
final class WebhookProblem extends ApiProblemException {
    private WebhookProblem(String code, String detail, List<FieldProblem> errors) {
        super(422, code, "Unprocessable Content", detail, errors, false);
    }

    static WebhookProblem invalidUrl(String message) {
        return new WebhookProblem("invalid_webhook_url", "The webhook URL " + message,
                List.of(new FieldProblem("url", message)));
    }

    static WebhookProblem targetRefused(String message) {
        return new WebhookProblem("webhook_target_refused", "The webhook target is refused: " + message,
                List.of(new FieldProblem("url", message)));
    }

    static WebhookProblem unknownEventTypes(List<Integer> indexes) {
        return new WebhookProblem("unknown_event_type", "Known event types: " + String.join(", ",
                new TreeSet<>(WebhookEventTypes.ALL)),
                indexes.stream().map(i -> new FieldProblem("eventTypes[" + i + "]", "is not a webhook event type")).toList());
    }
}
