package io.rapport.server.demo;

import io.rapport.server.demo.PlannedEvent.ContentRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Plans the replayed weeks: for each day and each officer–partner link, app sessions drawn from the
 * link's persona plus the touches the officer logs. Everything comes from one seeded {@link Random}
 * walked in a fixed order, so a seed always plans the same events at the same times of day.
 */
final class DemoActivity {
    static final int DAYS = 42;

    private final Random random;
    private final Instant now;

    DemoActivity(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    /** The events of the day {@code daysBack} days before today, oldest first; today stops at now. */
    List<PlannedEvent> day(int daysBack) {
        Instant dayStart = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(daysBack).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        List<PlannedEvent> events = new ArrayList<>();
        for (int link = 0; link < DemoCast.LINKS.size(); link++) {
            Persona persona = DemoCast.LINKS.get(link).persona();
            if (daysBack == DAYS - 1) {
                events.add(event(link, "app_installed", at(dayStart, 8), null, Map.of("platform", "ios")));
            }
            if (random.nextDouble() < persona.activityOn(daysBack)) {
                session(events, link, at(dayStart, 7 + random.nextInt(12)));
            }
            if (persona.meetingDay == daysBack) {
                events.add(event(link, "meeting_logged", at(dayStart, 15), null, Map.of("kind", "coffee")));
            }
            if (persona.noteDay == daysBack) {
                events.add(event(link, "note_sent", at(dayStart, 9), null, Map.of("channel", "email")));
            }
            if (persona.feedbackDay == daysBack) {
                events.add(event(link, "feedback_given", at(dayStart, 17), null,
                        Map.of("rating", 5, "channel", "app")));
            }
            for (int referralDay : persona.referralDays) {
                if (referralDay == daysBack) {
                    events.add(event(link, "referral_sent", at(dayStart, 11), null, Map.of("loanPurpose", "purchase")));
                }
            }
        }
        return events.stream().filter(e -> !e.occurredAt().isAfter(now))
                .sorted(Comparator.comparing(PlannedEvent::occurredAt)).toList();
    }

    /** An app session: an open, then most often some reading and now and then a calculator or a share. */
    private void session(List<PlannedEvent> events, int link, Instant start) {
        events.add(event(link, "app_opened", start, null, null));
        Instant t = start;
        if (random.nextDouble() < 0.7) {
            t = t.plusSeconds(30 + random.nextInt(120));
            ContentRef read = random.nextBoolean() ? ContentRef.MARKET_REPORT : ContentRef.FIRST_TIME_BUYER_GUIDE;
            events.add(event(link, "content_viewed", t, read, null));
        }
        if (random.nextDouble() < 0.35) {
            t = t.plusSeconds(30 + random.nextInt(120));
            events.add(event(link, "calculator_used", t, ContentRef.PAYMENT_CALCULATOR, Map.of("calculator", "payment")));
        }
        if (random.nextDouble() < 0.15) {
            t = t.plusSeconds(30 + random.nextInt(60));
            events.add(event(link, "content_shared", t, ContentRef.MARKET_REPORT, Map.of("channel", "sms")));
        }
        if (random.nextDouble() < 0.1) {
            t = t.plusSeconds(20 + random.nextInt(60));
            events.add(event(link, "contact_tapped", t, null, Map.of("method", "call")));
        }
    }

    private Instant at(Instant dayStart, int hour) {
        return dayStart.plus(Duration.ofHours(hour)).plusSeconds(random.nextInt(3600));
    }

    private PlannedEvent event(int link, String type, Instant at, ContentRef content, Map<String, Object> properties) {
        // A version-4 UUID from the seeded generator: the same seed sends the same eventIds.
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new PlannedEvent(link, new UUID(msb, lsb), type, at, content, properties);
    }
}
