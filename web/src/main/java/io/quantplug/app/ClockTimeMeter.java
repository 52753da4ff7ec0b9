package io.quantplug.app;

import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Bucket4j's time source read from an injected {@link Clock} (millisecond resolution), so token buckets refill on the
 * clock a test moves by hand. Thread-safe when the clock is.
 */
public final class ClockTimeMeter implements TimeMeter {

    private final Clock clock;

    /**
     * Creates the meter.
     *
     * @param clock the time source
     */
    public ClockTimeMeter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
