package io.rapport.server.demo;

import io.rapport.server.score.engine.InterestScore;
import io.rapport.server.score.model.ScoringModels;
import io.rapport.server.score.read.ScoreService.RankQuery;
import io.rapport.server.score.read.ScoreService;
import io.rapport.server.score.read.ScoredRelationship;
import io.rapport.server.score.report.Digest;
import io.rapport.server.score.report.ScoreReportService;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Renders what an officer would see: the ranked partners with score, tier, trend, stage and the next
 * step with its reason, then the morning digest. Everything is read through the score services, at the
 * instant the replay ended, exactly as {@code GET /v1/officers/{id}/partners} and {@code /digest} answer.
 */
final class DemoReport {
    private static final int LIMIT = 100;

    private final ScoreService scores;
    private final ScoreReportService reports;

    DemoReport(Jdbi jdbi, Clock clock) {
        ScoringModels models = new ScoringModels();
        this.scores = new ScoreService(jdbi, clock, models);
        this.reports = new ScoreReportService(jdbi, clock, models);
    }

    /** The ranked list of one officer, as the API ranks it. */
    List<ScoredRelationship> ranked(DemoData data, DemoData.Person officer) {
        return scores.officerPartners(data.orgId(), officer.id(), new RankQuery(null, null, null, null, null), null, LIMIT)
                .items();
    }

    String render(DemoData data) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s — %d events replayed over %d days (seed %d), scores as of %s%n", data.orgName(),
                data.eventsStored(), DemoActivity.DAYS, data.seed(), data.now().atOffset(ZoneOffset.UTC)));
        for (DemoData.Person officer : data.officers()) {
            out.append(String.format("%n== %s ==%n", officer.name()));
            int rank = 1;
            for (ScoredRelationship r : ranked(data, officer)) {
                InterestScore s = r.score();
                out.append(String.format("%2d. %-14s %-17s score %3d  %-7s %-7s %-12s%n", rank++, r.partnerName(),
                        r.partnerType(), s.score(), s.tier().code(), s.trend().code(), s.stage().code()));
                out.append(String.format("    next: %s: %s%n          why: %s%n", s.nextStep().code(), s.nextStep().reason(),
                        s.nextStep().fact()));
            }
            digest(out, reports.digest(data.orgId(), officer.id(), null));
        }
        return out.toString();
    }

    private static void digest(StringBuilder out, Digest digest) {
        out.append(String.format("  Digest for %s (activity of the day before):%n", digest.date()));
        if (digest.activity().isEmpty()) {
            out.append("    no partner activity\n");
        }
        for (Digest.Activity a : digest.activity()) {
            out.append(String.format("    %-14s %s%n", a.partnerName(), summary(a.events())));
        }
        digest.referrals().forEach(r -> out.append(String.format("    referral from %s%n", r.partnerName())));
        digest.changes().forEach(c -> out.append(String.format("    %s changed %s → %s (score %d)%n", c.kind(),
                c.fromValue(), c.toValue(), c.score())));
        for (Digest.Suggestion s : digest.nextSteps()) {
            out.append(String.format("    suggested: %s — %s (%s, score %d): %s%n", s.partnerName(),
                    s.nextStep().code(), s.tier().code(), s.score(), s.whyNow()));
        }
    }

    private static String summary(Map<String, Integer> events) {
        return events.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
