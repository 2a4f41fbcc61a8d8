package io.rapport.server.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * The product in one run: seeds a fresh demo organization (a new one each run, so reruns never clash)
 * through the product's services and reports what its officers would see. Deterministic for a seed:
 * the same people, the same events at the same times relative to now, the same ranking.
 */
public final class Demo {
    public static final long DEFAULT_SEED = 42L;

    private final Jdbi jdbi;
    private final Clock clock;

    /** {@code clock} gives "now": the replayed weeks end there and the scores are read then. */
    public Demo(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public DemoData seed(long seed) {
        // Whole seconds: the report prints them, and the API's timestamps carry no more.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new DemoSeeder(jdbi, now).seed(seed);
    }

    /** The officers' ranked partners and digests, read at the end of the replay. */
    public String report(DemoData data) {
        return new DemoReport(jdbi, Clock.fixed(data.now(), ZoneOffset.UTC)).render(data);
    }
}
