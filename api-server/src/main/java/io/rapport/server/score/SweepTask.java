package io.rapport.server.score;

import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code POST /tasks/score-sweep} on the admin port: runs a sweep now, for operators and tests. */
public class SweepTask extends Task {
    private final ScoreSweeper sweeper;

    public SweepTask(ScoreSweeper sweeper) {
        super("score-sweep");
        this.sweeper = sweeper;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        output.println("swept " + sweeper.sweep());
    }
}
