package io.quantplug.runtime.internal.engine;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The session clock of a backtest: it reads whatever time the engine last set, and never goes backwards. Owned by
 * the engine thread.
 */
public final class SimulatedClock implements InstantSource {

    private long nowMillis;

    /**
     * Creates the clock.
     *
     * @param startMillis the initial time, UTC epoch milliseconds
     */
    public SimulatedClock(long startMillis) {
        this.nowMillis = startMillis;
    }

    /**
     * Moves the clock forward.
     *
     * @param millis the new time, UTC epoch milliseconds
     * @throws IllegalStateException when {@code millis} is before the current time
     */
    public void advanceTo(long millis) {
        if (millis < nowMillis) {
            throw new IllegalStateException("clock cannot go back from " + Instant.ofEpochMilli(nowMillis) + " to "
                    + Instant.ofEpochMilli(millis));
        }
        nowMillis = millis;
    }

    @Override
    public long millis() {
        return nowMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(nowMillis);
    }
}
