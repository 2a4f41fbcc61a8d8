package io.rapport.server.common.admin;

import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * {@code POST /tasks/<name>} on the admin port: runs one pass of a background job now and prints how
 * much it did ("swept 3"), for operators and for tests that drive time themselves.
 */
public final class RunNowTask extends Task {
    private final String did;
    private final IntSupplier pass;

    /**
     * @param name the task's path under {@code /tasks/}
     * @param did  what the printed count counts, e.g. "swept"
     * @param pass one pass of the job, answering how many rows it handled
     */
    public RunNowTask(String name, String did, IntSupplier pass) {
        super(name);
        this.did = did;
        this.pass = pass;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        output.println(did + " " + pass.getAsInt());
    }
}
