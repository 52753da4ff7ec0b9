package io.quantplug.runtime.session;

import io.quantplug.api.market.Bar;

import java.util.List;
import java.util.Objects;

/**
 * Where a running session's bars come from: a list in memory (a backtest), a paced replay (a console instance), or
 * later an exchange's stream (paper and live). The session's engine thread pulls each bar with {@link #next()}; the
 * source may block there until the bar exists.
 *
 * <p>Threading: {@link #next()} is called by the engine thread only; {@link #stop()} may be called from any thread
 * to wake a blocked {@code next()}.
 */
public interface BarSource {

    /**
     * The next bar, blocking until it exists.
     *
     * @return the bar, of the session's instrument, opening no earlier than the previous bar's close; or null when
     *         the data has ended or the source was {@linkplain #stop() stopped}
     */
    Bar next();

    /**
     * How many bars this source will give in all, a sizing hint for the session's equity curve.
     *
     * @return the count, or -1 when unknown (a stream)
     */
    default int expectedBars() {
        return -1;
    }

    /**
     * Whether this source hands out bars at a pace (the market's, or a chosen replay speed) rather than as fast as the
     * engine takes them: a session on a paced source publishes its state to other threads after every bar, one on an
     * unpaced source every 64 bars.
     *
     * @return true for a stream or a paced replay; the default: when {@link #expectedBars()} is unknown
     */
    default boolean paced() {
        return expectedBars() < 0;
    }

    /**
     * Asks a blocked or later {@link #next()} to return null at once. Called by {@link RunningSession#stop} from any
     * thread; a source that never blocks may ignore it (the session checks for a stop between bars).
     */
    default void stop() {
    }

    /**
     * A source over bars in memory.
     *
     * @param bars the bars, in ascending open time; not copied, so not to be changed while the session runs
     * @return the source
     */
    static BarSource of(List<Bar> bars) {
        Objects.requireNonNull(bars, "bars");
        return new BarSource() {
            private int next;

            @Override
            public Bar next() {
                return next < bars.size() ? bars.get(next++) : null;
            }

            @Override
            public int expectedBars() {
                return bars.size();
            }
        };
    }
}
