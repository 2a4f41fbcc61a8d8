package io.rapport.sdk;

import java.time.Duration;

/** Waits between attempts. The seam that lets retry tests run in virtual time instead of sleeping. */
@FunctionalInterface
interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
