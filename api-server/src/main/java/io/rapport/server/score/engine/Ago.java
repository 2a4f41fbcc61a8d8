package io.rapport.server.score.engine;

import java.time.Duration;
import java.time.Instant;

/** How long ago, as an officer would say it: "5 hours ago", "yesterday", "3 days ago", "5 weeks ago". */
final class Ago {
    private Ago() {
    }

    static String of(Instant at, Instant now) {
        Duration ago = Duration.between(at, now);
        long days = Math.max(0, ago.toDays());
        if (days == 0) {
            long hours = Math.max(0, ago.toHours());
            return hours == 0 ? "within the hour" : hours == 1 ? "an hour ago" : hours + " hours ago";
        }
        if (days == 1) {
            return "yesterday";
        }
        if (days < 14) {
            return days + " days ago";
        }
        if (days < 60) {
            return days / 7 + " weeks ago";
        }
        return days / 30 + " months ago";
    }
}
