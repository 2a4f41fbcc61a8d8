package io.rapport.server.common.db;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Logs a background task's failures once per episode: the first failure as one WARN line (what failed and
 * why, no stack trace), the rest at DEBUG with the trace, and one INFO line when it works again. A database
 * outage used to print a 95-line trace from each poller every two seconds.
 */
public final class FailureEpisode {
    private final Logger log;
    private final String task;
    private final AtomicBoolean failing = new AtomicBoolean();

    public FailureEpisode(Logger log, String task) {
        this.log = log;
        this.task = task;
    }

    /**
     * Runs one pass of a periodic task and reports how it went. A failure is logged as above and swallowed: the
     * next pass retries, and an exception must never end a scheduled executor's schedule.
     */
    public void run(Runnable pass) {
        try {
            pass.run();
            succeeded();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    public void failed(Exception e) {
        if (failing.compareAndSet(false, true)) {
            log.warn("{} failed: {}; retrying quietly until it works again", task, rootCause(e));
        } else {
            log.debug("{} failed again", task, e);
        }
    }

    public void succeeded() {
        if (failing.compareAndSet(true, false)) {
            log.info("{} works again", task);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
