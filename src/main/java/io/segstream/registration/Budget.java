package io.segstream.registration;

import java.time.Duration;

/** The wall time a registration may take; checked before every evaluation of the measure. */
final class Budget {

    /** Thrown through the optimiser to stop it; the search keeps its best point. */
    static final class Spent extends RuntimeException {
        Spent() {
            super("the registration's time budget is spent", null, false, false);
        }
    }

    private final long deadlineNanos;

    Budget(long startNanos, Duration budget) {
        this.deadlineNanos = startNanos + budget.toNanos();
    }

    void check() {
        if (System.nanoTime() - deadlineNanos >= 0) {
            throw new Spent();
        }
    }
}
