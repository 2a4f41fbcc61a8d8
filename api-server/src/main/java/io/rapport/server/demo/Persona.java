package io.rapport.server.demo;

/**
 * How a demo partner behaves towards an officer over the replayed weeks: the chance of an app session
 * on a day before and within its recent days, and the in-person touches the officer logs. Days count
 * back from today (0 is today, 1 yesterday). The rates are tuned to the default scoring model (model 2:
 * half-lives of 21 and 7 days, an open worth a quarter once a day), so the cast spreads over the tiers,
 * trends, stages and next steps, a partner the officer has just written to included.
 */
enum Persona {
    /** Sends business: two referrals, a coffee and feedback. */
    ADVOCATE(0.15, 0.2, 10, 30, 12, new int[] {25, 4}, -1),
    /** New and eager: silent at first, active lately, never met. */
    RISING(0.0, 0.35, 10, -1, -1, new int[0], -1),
    /** Was keen, has gone quiet for two and a half weeks. */
    COOLING(0.3, 0.0, 18, -1, -1, new int[0], -1),
    /** Met for coffee recently, light use, has said nothing yet. */
    MET(0.06, 0.06, 10, 9, -1, new int[0], -1),
    /** Met and told the officer what could be better; leaves the app to the officer's clients. */
    TRUSTED(0.0, 0.0, 10, 18, 6, new int[0], -1),
    /** Opens the app now and then. */
    OCCASIONAL(0.05, 0.05, 10, -1, -1, new int[0], -1),
    /** Installed the app and hardly looked at it again. */
    COLD(0.01, 0.0, 10, -1, -1, new int[0], -1),
    /** Eager lately; the officer sent a note two days ago and has had no answer yet: leave them room. */
    AWAITING(0.05, 0.4, 12, -1, -1, new int[0], 2);

    private final double earlyActivity;
    private final double recentActivity;
    private final int recentDays;
    /** The day back a coffee meeting was logged, and feedback given; -1 for never. */
    final int meetingDay;
    final int feedbackDay;
    final int[] referralDays;
    /** The day back the officer sent a personal note (-1 for never); the partner has been quiet since. */
    final int noteDay;

    Persona(double earlyActivity, double recentActivity, int recentDays, int meetingDay, int feedbackDay,
            int[] referralDays, int noteDay) {
        this.earlyActivity = earlyActivity;
        this.recentActivity = recentActivity;
        this.recentDays = recentDays;
        this.meetingDay = meetingDay;
        this.feedbackDay = feedbackDay;
        this.referralDays = referralDays;
        this.noteDay = noteDay;
    }

    /** The chance of an app session on the day {@code daysBack} days before today. */
    double activityOn(int daysBack) {
        if (daysBack <= noteDay) {
            return 0.0;
        }
        return daysBack < recentDays ? recentActivity : earlyActivity;
    }
}
