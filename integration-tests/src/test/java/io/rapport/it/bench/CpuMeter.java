package io.rapport.it.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM (client and server) and by the PostgreSQL server's processes,
 * read from /proc. Throughput on a shared machine depends on what else runs; CPU per event does not,
 * so the benchmark reports both. Where /proc cannot be read, PostgreSQL's share reads as -1.
 *
 * <p>The JVM's share includes its JIT compiler threads, reported apart: a running server compiles
 * its hot paths once, so compilation still going on in a measured round is warm-up, not the cost of
 * a request. (A compiler thread that exits loses its ticks: the JIT figure is a lower bound.)
 */
final class CpuMeter {
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    private final long postmasterPid;

    private CpuMeter(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /** Finds the postmaster behind {@code connection}: the parent of its backend process. */
    static CpuMeter of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            ProcStat backend = stat(rs.getLong(1));
            return new CpuMeter(backend == null ? -1 : backend.ppid());
        }
    }

    /**
     * CPU so far: this JVM's, and each PostgreSQL process's ticks by pid (null when unknown), with the pids
     * of those that serve no connection.
     */
    record Sample(long jvmNanos, long jitNanos, Map<Long, Long> postgresTicks, Set<Long> background) {

        /**
         * CPU used since {@code before}. A PostgreSQL process that exited in between (a closed
         * connection) is lost, so PostgreSQL's figure is a lower bound; -1 when unknown.
         */
        Used minus(Sample before) {
            if (postgresTicks == null || before.postgresTicks == null) {
                return new Used(jvmNanos - before.jvmNanos, jitNanos - before.jitNanos, -1, -1);
            }
            long ticks = 0;
            long backgroundTicks = 0;
            for (Map.Entry<Long, Long> process : postgresTicks.entrySet()) {
                long used = process.getValue() - before.postgresTicks.getOrDefault(process.getKey(), 0L);
                ticks += used;
                if (background.contains(process.getKey())) {
                    backgroundTicks += used;
                }
            }
            return new Used(jvmNanos - before.jvmNanos, jitNanos - before.jitNanos, ticks * NANOS_PER_TICK,
                    backgroundTicks * NANOS_PER_TICK);
        }
    }

    /**
     * CPU used: the whole JVM, the part of it its JIT compiler threads used, PostgreSQL (-1 when unknown) and
     * the part of it its background processes used (postmaster, checkpointer, WAL writer, autovacuum...).
     */
    record Used(long jvmNanos, long jitNanos, long postgresNanos, long backgroundNanos) {
    }

    Sample now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        Map<Long, Long> postgres = postgresTicks();
        return new Sample(jvm, jitTicks() * NANOS_PER_TICK, postgres, postgres == null ? Set.of() : background(postgres.keySet()));
    }

    /**
     * The processes among {@code pids} that serve no connection. A backend's title names its client's address
     * ({@code postgres: user db 127.0.0.1(port) idle}); a background process's its role ({@code postgres: checkpointer}).
     */
    private static Set<Long> background(Set<Long> pids) {
        Set<Long> background = new HashSet<>();
        for (long pid : pids) {
            try {
                String title = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
                if (!title.contains("(") && !title.contains("[local]")) {
                    background.add(pid);
                }
            } catch (IOException e) {
                // the process ended meanwhile
            }
        }
        return background;
    }

    /** The postmaster and its children now (empty when unknown): for {@link PostgresMemory}. */
    Set<Long> postgresPids() {
        Map<Long, Long> ticks = postgresTicks();
        return ticks == null ? Set.of() : ticks.keySet();
    }

    /** This JVM's compiler threads ("C1 CompilerThre", "C2 CompilerThre"), from /proc/self/task. */
    private static long jitTicks() {
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            return threads.mapToLong(thread -> {
                try {
                    String line = Files.readString(thread.resolve("stat"));
                    String comm = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    if (!comm.contains("CompilerThre")) {
                        return 0;
                    }
                    String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
                } catch (IOException | RuntimeException e) {
                    return 0; // the thread ended meanwhile
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The postmaster and its children: backends, WAL writer, checkpointer, autovacuum. */
    private Map<Long, Long> postgresTicks() {
        if (postmasterPid < 0) {
            return null;
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            Map<Long, Long> ticks = new HashMap<>();
            processes.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(name -> stat(Long.parseLong(name)))
                    .filter(stat -> stat != null && (stat.ppid() == postmasterPid || stat.pid() == postmasterPid))
                    .forEach(stat -> ticks.put(stat.pid(), stat.ticks()));
            return ticks;
        } catch (IOException e) {
            return null;
        }
    }

    /** One process's parent and CPU ticks (user + system), from /proc/pid/stat. */
    private record ProcStat(long pid, long ppid, long ticks) {
    }

    private static ProcStat stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // After "pid (comm) ": state, ppid, ... utime and stime are the 14th and 15th fields overall.
            String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new ProcStat(pid, Long.parseLong(rest[1]), Long.parseLong(rest[11]) + Long.parseLong(rest[12]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
