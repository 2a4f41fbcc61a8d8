package io.rapport.it.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One measured piece of work, as IngestBenchmark and ScoreBenchmark measure theirs: how many events or
 * requests ({@code count}), in how long, each work item's latency, and the CPU used meanwhile by this JVM
 * (of it, the JIT compiler threads) and by PostgreSQL (-1 when unknown; see {@link CpuMeter}), of it by its
 * background processes (WAL writer, checkpointer, background writer, autovacuum).
 */
record Measured(int count, long nanos, long[] latencies, long jvmNanos, long jitNanos, long postgresNanos,
                long backgroundNanos) {
    static final Measured NONE = new Measured(0, 0, new long[0], 0, 0, 0, 0);

    /** One item of work, run by {@code worker} (0 .. workers - 1). */
    @FunctionalInterface
    interface Work {
        void run(int worker, int item) throws Exception;
    }

    /**
     * {@code workers} threads take the items {@code 0 .. items - 1} from a shared counter; {@code count}
     * is what the items add up to (events, or requests when an item is one request).
     */
    static Measured concurrently(CpuMeter cpu, int workers, int items, int count, Work work) throws Exception {
        long[] latencies = new long[items];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            CpuMeter.Sample before = cpu.now();
            long start = System.nanoTime();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    for (int item = next.getAndIncrement(); item < items; item = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        work.run(worker, item);
                        latencies[item] = System.nanoTime() - begin;
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            long nanos = System.nanoTime() - start;
            CpuMeter.Used used = cpu.now().minus(before);
            return new Measured(count, nanos, latencies, used.jvmNanos(), used.jitNanos(), used.postgresNanos(),
                    used.backgroundNanos());
        } finally {
            pool.shutdown();
        }
    }

    /** Both together, as if one run: for the alternating rounds of a stage. */
    Measured plus(Measured other) {
        long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
        System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
        long postgres = postgresNanos < 0 || other.postgresNanos < 0 ? -1 : postgresNanos + other.postgresNanos;
        return new Measured(count + other.count, nanos + other.nanos, all, jvmNanos + other.jvmNanos,
                jitNanos + other.jitNanos, postgres, backgroundNanos + other.backgroundNanos);
    }

    double perSecond() {
        return count * 1e9 / nanos;
    }

    /** The latency of a work item (a batch, or a request) at percentile {@code p} (0.5, 0.99). */
    double percentileMillis(double p) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))] / 1e6;
    }

    /** CPU ms per unit of {@code count}: this JVM (SDK, server, harness), of it the JIT, PostgreSQL. */
    double jvmMillis() {
        return jvmNanos / 1e6 / count;
    }

    double jitMillis() {
        return jitNanos / 1e6 / count;
    }

    /** Of PostgreSQL's CPU per unit, its background processes' (NaN when unknown). */
    double backgroundMillis() {
        return postgresNanos < 0 ? Double.NaN : backgroundNanos / 1e6 / count;
    }

    double postgresMillis() {
        return postgresNanos < 0 ? Double.NaN : postgresNanos / 1e6 / count;
    }

    /** JVM plus PostgreSQL per unit, JIT included or left out (compiled code only: the steady state). */
    double cpuMillis(boolean withJit) {
        return jvmMillis() - (withJit ? 0 : jitMillis()) + postgresMillis();
    }
}
