package io.rapport.it.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The worked archetypes of DESIGN §4 as partner behaviour over the simulated days, with the next step a
 * seasoned relationship manager gives each. Every plan is drawn from the caller's seeded {@link Random} with
 * realistic noise: days skipped, several opens a day, times of day, how much of each tool they use.
 *
 * <p>Days count back from the last simulated day: 0 is today, 1 yesterday.
 */
enum Archetype {
    /** Opens the app every day and does nothing else: warming at most, a small digital touch. */
    DAILY_OPENER("share_useful_tool") {
        @Override
        void plan(Plan p) {
            p.install(p.days - 1);
            for (int day = p.days - 1; day >= 0; day--) {
                if (p.chance(0.9)) {
                    p.opens(day, 1 + p.random.nextInt(3));
                }
            }
        }
    },
    /** A new install with one open. */
    NEW_INSTALL("share_useful_tool") {
        @Override
        void plan(Plan p) {
            int day = 1 + p.random.nextInt(5);
            p.install(day);
            p.opens(day, 1);
        }
    },
    /** Reads content for three weeks, never reaching for the officer: a short personal note. */
    READER("send_personal_note") {
        @Override
        void plan(Plan p) {
            p.install(60 + p.random.nextInt(40));
            readFor(p, 21);
        }
    },
    /** Heavy use with a contact tap, never met: ready for coffee, and in the officer's top 10. */
    HEAVY_REACHER("invite_to_meet") {
        @Override
        void plan(Plan p) {
            p.install(30 + p.random.nextInt(20));
            useHeavily(p, 24 + p.random.nextInt(8), 0);
            p.event("contact_tapped", 1 + p.random.nextInt(10));
        }
    },
    /** Met last month, no feedback yet. */
    MET("ask_for_feedback") {
        @Override
        void plan(Plan p) {
            p.install(90 + p.random.nextInt(25));
            p.event("meeting_logged", 20 + p.random.nextInt(20));
        }
    },
    /** Met and gave feedback, no referral yet. */
    TRUSTED("ask_for_business") {
        @Override
        void plan(Plan p) {
            p.install(90 + p.random.nextInt(25));
            int met = 25 + p.random.nextInt(50);
            p.event("meeting_logged", met);
            p.event("feedback_given", met - 5 - p.random.nextInt(15));
        }
    },
    /** Two referrals this year: thank them, offer concierge help. */
    ADVOCATE("thank_and_support") {
        @Override
        void plan(Plan p) {
            p.install(110 + p.random.nextInt(5));
            p.event("meeting_logged", 100 + p.random.nextInt(10));
            p.event("referral_sent", 35 + p.random.nextInt(30));
            p.event("referral_sent", 70 + p.random.nextInt(30));
        }
    },
    /** Heavy use six to ten weeks ago, silent for the last three: cooling, a personal check-in. */
    COOLING("check_in") {
        @Override
        void plan(Plan p) {
            p.install(80 + p.random.nextInt(20));
            int silentFor = 21 + p.random.nextInt(21);
            useHeavily(p, 70, silentFor);
            p.event("contact_tapped", silentFor + 3 + p.random.nextInt(10));
        }
    },
    /** Used the app a while, then uninstalled it: at most a useful tool by another channel. */
    UNINSTALLED("share_useful_tool") {
        @Override
        void plan(Plan p) {
            p.install(60 + p.random.nextInt(20));
            int gone = 5 + p.random.nextInt(30);
            useHeavily(p, gone + 20, gone + 1);
            p.event("app_uninstalled", gone);
        }
    },
    /** Reads content and opens the app daily: still a note, opening adds little. */
    READER_WHO_OPENS_DAILY("send_personal_note") {
        @Override
        void plan(Plan p) {
            DAILY_OPENER.plan(p);
            readFor(p, 21);
        }
    },
    /** Heavy use with a contact tap, and opens daily on top: still coffee. */
    HEAVY_REACHER_WHO_OPENS_DAILY("invite_to_meet") {
        @Override
        void plan(Plan p) {
            DAILY_OPENER.plan(p);
            useHeavily(p, 24 + p.random.nextInt(8), 0);
            p.event("contact_tapped", 1 + p.random.nextInt(10));
        }
    };

    /** The officer's touches: any archetype touched 2 to 6 days ago, with no answer since, is given room. */
    static final List<String> TOUCHES = List.of("note_sent", "call_made", "tool_shared");

    final String nextStep;

    Archetype(String nextStep) {
        this.nextStep = nextStep;
    }

    abstract void plan(Plan p);

    boolean appOnly() {
        return this == DAILY_OPENER || this == NEW_INSTALL;
    }

    boolean readyForCoffee() {
        return this == HEAVY_REACHER || this == HEAVY_REACHER_WHO_OPENS_DAILY;
    }

    /** Content on two to four days a week for {@code days} days up to yesterday or today, an open with each. */
    private static void readFor(Plan p, int days) {
        int read = 0;
        for (int day = days - 1; day >= 0; day--) {
            if (p.chance(0.45) || (day == 1 && read < 2)) {
                p.opens(day, 1);
                p.event("content_viewed", day);
                if (p.chance(0.3)) {
                    p.event("calculator_used", day);
                }
                read++;
            }
        }
    }

    /** Sessions on most days between {@code from} and {@code to} days back: reading, calculators, shares. */
    private static void useHeavily(Plan p, int from, int to) {
        for (int day = from; day >= to; day--) {
            if (!p.chance(0.7)) {
                continue;
            }
            p.opens(day, 1 + p.random.nextInt(2));
            p.event("content_viewed", day);
            if (p.chance(0.6)) {
                p.event("calculator_used", day);
            }
            if (p.chance(0.25)) {
                p.event("content_shared", day);
            }
            if (p.chance(0.1)) {
                p.event("card_shared", day);
            }
        }
    }

    /** One partner's planned events, as (type, day back, second of the day). */
    static final class Plan {
        final Random random;
        final int days;
        final List<Planned> events = new ArrayList<>();

        Plan(Random random, int days) {
            this.random = random;
            this.days = days;
        }

        boolean chance(double p) {
            return random.nextDouble() < p;
        }

        void install(int day) {
            events.add(new Planned("app_installed", day, 7 * 3600));
        }

        void opens(int day, int count) {
            for (int i = 0; i < count; i++) {
                event("app_opened", day);
            }
        }

        void event(String type, int day) {
            // daytime, after the install's 07:00
            events.add(new Planned(type, day, 8 * 3600 + random.nextInt(14 * 3600)));
        }

        /** Drops the partner's signals after {@code day}/{@code second} and adds the officer's touch there. */
        void touchedWithNoAnswer(String touch, int day) {
            int second = 8 * 3600;
            events.removeIf(e -> e.day() < day || (e.day() == day && e.second() >= second));
            events.add(new Planned(touch, day, second));
        }
    }

    record Planned(String type, int day, int second) {
    }
}
