package io.rapport.server.score.write;

import io.dropwizard.lifecycle.Managed;
import io.rapport.server.score.engine.ScoreChange;
import io.rapport.server.score.model.ScoringModels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import io.rapport.server.common.db.FailureEpisode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores fall with time alone, so tiers, stages and 7-day changes move without any event. Each row stores
 * when that will next happen ({@code due_at}); the sweep touches only rows that are due, settles them and
 * records the changes. Rows are claimed with {@code SKIP LOCKED}, so any number of nodes may sweep.
 */
public class ScoreSweeper implements Managed {
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ScoreSweeper.class);
    private final FailureEpisode failures = new FailureEpisode(LOG, "Score sweep");
    private final Jdbi jdbi;
    private final Clock clock;
    private final ScoringModels models;
    private final Duration interval;
    private final ScoreChangeLog changeLog;
    private ScheduledExecutorService scheduler;

    public ScoreSweeper(Jdbi jdbi, Clock clock, ScoringModels models, ScoreChangeLog changeLog, Duration interval) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.models = models;
        this.interval = interval;
        this.changeLog = changeLog;
    }

    /** Settles every row due at the clock's current instant; returns how many rows it touched. */
    public int sweep() {
        Instant now = clock.instant();
        int total = 0;
        int swept;
        do {
            swept = jdbi.inTransaction(handle -> sweepBatch(handle, now));
            total += swept;
        } while (swept == BATCH);
        return total;
    }

    private int sweepBatch(Handle handle, Instant now) {
        List<StoredScore> due = handle.attach(ScoreDao.class).lockDue(now, BATCH);
        // organizations in a fixed order, so two sweepers take the feed counters in the same order
        Map<UUID, List<StoredScore>> byOrg = new TreeMap<>();
        due.forEach(score -> byOrg.computeIfAbsent(score.row().orgId(), id -> new ArrayList<>()).add(score));
        byOrg.forEach((orgId, rows) -> settle(handle, orgId, rows, now));
        return due.size();
    }

    /**
     * A deactivated officer or organization gets nothing new (DESIGN §3): its rows are settled like the
     * others, so they are not due again at every pass, but no change reaches the feed or webhooks.
     */
    private void settle(Handle handle, UUID orgId, List<StoredScore> rows, Instant now) {
        ScoreSettler.settleUnlessSilenced(handle, changeLog, orgId, rows, models.current(handle, orgId), now, ScoreChange.BY_TIME);
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "score-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepLogged, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The next run retries: a failed pass leaves the rows due. */
    private void sweepLogged() {
        failures.run(this::sweep);
    }

    @Override
    public void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
