package io.rapport.it.bench;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the resident memory of PostgreSQL's processes (the postmaster {@link CpuMeter} found and its
 * children) twice a second and keeps the peaks. A backend's own peak (VmHWM) is lost when it exits, and
 * PostgreSQL has no single process to ask, hence sampling: the peak footprint is the largest sum over the
 * processes of private memory (RssAnon) plus the largest shared part (RssShmem, the shared buffers each
 * process touched, counted once). The naive sum of their RSS is kept too, for comparison with tools that
 * show it.
 */
final class PostgresMemory implements AutoCloseable {
    private final CpuMeter cpu;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "postgres-memory-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private Peaks peaks = new Peaks(-1, -1, -1, 0);

    /** Peaks so far, in kB: footprint (shared counted once), naive RSS sum, largest single process; processes then. */
    record Peaks(long footprintKb, long rssSumKb, long largestProcessKb, int processesAtPeak) {
    }

    private PostgresMemory(CpuMeter cpu) {
        this.cpu = cpu;
    }

    static PostgresMemory start(CpuMeter cpu) {
        PostgresMemory memory = new PostgresMemory(cpu);
        memory.sampler.scheduleAtFixedRate(memory::sample, 0, 500, TimeUnit.MILLISECONDS);
        return memory;
    }

    synchronized Peaks peaks() {
        return peaks;
    }

    private void sample() {
        Set<Long> pids = cpu.postgresPids();
        long anon = 0;
        long shmem = 0;
        long rss = 0;
        long largest = -1;
        for (long pid : pids) {
            Proc.Memory memory = Proc.Memory.of(pid);
            if (memory.rssKb() < 0) {
                continue;
            }
            anon += memory.anonKb();
            shmem = Math.max(shmem, memory.shmemKb());
            rss += memory.rssKb();
            largest = Math.max(largest, memory.peakKb());
        }
        synchronized (this) {
            long footprint = anon + shmem;
            peaks = new Peaks(Math.max(peaks.footprintKb(), footprint), Math.max(peaks.rssSumKb(), rss),
                    Math.max(peaks.largestProcessKb(), largest),
                    footprint > peaks.footprintKb() ? pids.size() : peaks.processesAtPeak());
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
