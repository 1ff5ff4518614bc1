package io.segstream.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock the worker measures quiet periods with; tests replace it to avoid sleeping. */
public class Clocks {

    @Produces
    @Singleton
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
