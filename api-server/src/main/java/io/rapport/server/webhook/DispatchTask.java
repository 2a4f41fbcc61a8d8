package io.rapport.server.webhook;

import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code POST /tasks/webhook-dispatch} on the admin port: sends what is due now, for operators and tests. */
public class DispatchTask extends Task {
    private final WebhookDispatcher dispatcher;

    public DispatchTask(WebhookDispatcher dispatcher) {
        super("webhook-dispatch");
        this.dispatcher = dispatcher;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        output.println("attempted " + dispatcher.dispatchDue());
    }

    /** {@code POST /tasks/webhook-purge}: deletes finished deliveries past their retention now. */
    public static Task purge(DeliveryPurge purge) {
        return new Task("webhook-purge") {
            @Override
            public void execute(Map<String, List<String>> parameters, PrintWriter output) {
                output.println("purged " + purge.purge());
            }
        };
    }
}
