package io.rapport.server.score.engine;

import java.time.Duration;
import java.time.Instant;

/** Exponential decay by half-life, on seconds with microsecond resolution (what timestamptz keeps). */
public final class Decay {
    private static final double LN2 = Math.log(2);

    private Decay() {
    }

    /** {@code 2^(−(to − from)/H)}; above 1 when {@code to} is before {@code from}. */
    public static double factor(Instant from, Instant to, Duration halfLife) {
        return Math.pow(2, -(seconds(to) - seconds(from)) / seconds(halfLife));
    }

    /** Seconds since the epoch, kept as a double so SQL ({@code extract(epoch ...)}) computes the same. */
    public static double seconds(Instant instant) {
        return instant.getEpochSecond() + (instant.getNano() / 1000) / 1e6;
    }

    public static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    /** The instant {@code H·log2(ratio)} after {@code from}, rounded up to the next microsecond. */
    static Instant halfLivesAfter(Instant from, double ratio, Duration halfLife) {
        double offsetSeconds = seconds(halfLife) * Math.log(ratio) / LN2;
        long micros = (long) Math.ceil(offsetSeconds * 1e6);
        return from.plusNanos(Math.multiplyExact(micros, 1000L));
    }

    static double ln2() {
        return LN2;
    }
}
