package io.rapport.it.scores;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** DESIGN §4 (model 2) written out independently of the server, to check it against. */
final class Expected {
    static final Duration H = Duration.ofDays(21);
    static final double K = 20;
    static final Map<String, Double> WEIGHTS = Map.ofEntries(
            Map.entry("app_installed", 5.0), Map.entry("app_opened", 0.25), Map.entry("profile_viewed", 2.0),
            Map.entry("content_viewed", 2.0), Map.entry("calculator_used", 3.0), Map.entry("content_shared", 5.0),
            Map.entry("card_shared", 8.0), Map.entry("contact_tapped", 10.0), Map.entry("feedback_given", 12.0),
            Map.entry("meeting_logged", 10.0), Map.entry("referral_sent", 25.0), Map.entry("app_uninstalled", 0.0),
            Map.entry("note_sent", 0.0), Map.entry("call_made", 0.0), Map.entry("tool_shared", 0.0));
    /** Counted at most once per UTC day, at the day's start. */
    static final String CAPPED = "app_opened";

    record Sent(String type, Instant at) {
    }

    private Expected() {
    }

    /** {@code Σ wᵢ·2^(−(now − tᵢ)/H)}, an app open once per UTC day at the day's start. */
    static double interest(Collection<Sent> events, Instant now) {
        Set<Instant> openDays = new HashSet<>();
        double sum = 0;
        for (Sent e : events) {
            Instant at = e.at();
            if (CAPPED.equals(e.type())) {
                at = at.truncatedTo(ChronoUnit.DAYS);
                if (!openDays.add(at)) {
                    continue;
                }
            }
            sum += WEIGHTS.get(e.type()) * Math.pow(2, -Duration.between(at, now).toNanos() / (double) H.toNanos());
        }
        return sum;
    }

    static int score(double interest) {
        return (int) Math.round(100 * (1 - Math.exp(-interest / K)));
    }

    /** The instant a sum of {@code raw} at {@code ref} falls to where the rounded score is below {@code threshold}. */
    static Instant crossing(double raw, Instant ref, int threshold) {
        double bound = -K * Math.log(1 - (threshold - 0.5) / 100);
        double halfLives = Math.log(raw / bound) / Math.log(2);
        return ref.plusNanos((long) (halfLives * H.toNanos())).truncatedTo(ChronoUnit.MICROS);
    }
}
