package io.rapport.server.common.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Rapport killed outright (SIGKILL, OOM killer, power to the JVM only) leaves its embedded PostgreSQL
 * running on the data folder: the postmaster is a daemon of its own, and it keeps {@code postmaster.pid}.
 * A new start would then fail. Before starting, this finds such a server by its pid file, makes sure the
 * pid is a PostgreSQL serving this very folder, and asks it for a fast shutdown (SIGINT: transactions in
 * flight roll back, committed ones are on disk), waiting for it to exit. A pid file whose process is gone is
 * left to PostgreSQL, which replaces it.
 */
final class LeftoverPostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private LeftoverPostmaster() {
    }

    static void stopIfRunning(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster = read(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        if (!servesFolder(process, pidFile, pgData)) {
            throw new IllegalStateException("The embedded PostgreSQL cannot start: " + pidFile + " names process "
                    + process.pid() + ", which is not a PostgreSQL serving this folder. If no PostgreSQL uses "
                    + pgData + ", delete that file and start again.");
        }
        LOG.warn("A PostgreSQL (pid {}) was left running on {} by a Rapport that did not stop cleanly; "
                + "stopping it before starting", process.pid(), pgData);
        signal(process, "-INT");
        try {
            process.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("PostgreSQL (pid {}) did not stop within {} s; killing it (it recovers from its WAL on start)",
                    process.pid(), STOP_WAIT_SECONDS);
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the leftover PostgreSQL " + process.pid(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for the leftover PostgreSQL " + process.pid(), e);
        }
    }

    private static Optional<Long> read(Path pidFile) {
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The pid file's second line is the data directory; the process must be a postgres binary. */
    private static boolean servesFolder(ProcessHandle process, Path pidFile, Path pgData) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            boolean sameFolder = lines.size() > 1 && Path.of(lines.get(1).trim()).toAbsolutePath().normalize()
                    .equals(pgData.toAbsolutePath().normalize());
            boolean postgres = process.info().command().map(c -> c.endsWith("postgres")).orElse(true);
            return sameFolder && postgres;
        } catch (IOException e) {
            return false;
        }
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).redirectErrorStream(true).start();
            if (kill.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill(1) here: SIGTERM through the JDK, a "smart" shutdown, which also ends (its clients are gone)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
    }
}
