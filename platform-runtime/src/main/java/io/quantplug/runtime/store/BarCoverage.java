package io.quantplug.runtime.store;

import io.quantplug.api.market.Timeframe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stored series holds of a range of open times, and the holes in it: where a bar of the series' length could
 * open but none is stored. The grid of possible open times is anchored on the stored bars (a bar opens one bar length
 * after the one before it), so a range boundary that falls inside a bar's span is no hole. Immutable.
 *
 * @param storedBars bars stored with an open time in the range
 * @param missing    the holes, oldest first: the whole range when nothing is stored, else the part before the first
 *                   stored bar, every span between two stored bars more than one bar length apart, and the part after
 *                   the last stored bar, each only when at least one bar could open in it
 */
public record BarCoverage(long storedBars, List<Hole> missing) {

    /**
     * Copies the list.
     *
     * @param storedBars bars stored in the range, &ge; 0
     * @param missing    the holes, oldest first
     */
    public BarCoverage {
        missing = List.copyOf(missing);
    }

    /**
     * A half-open range of open times, {@code [fromMillis, toMillis)}, UTC epoch milliseconds.
     *
     * @param fromMillis first open time, inclusive
     * @param toMillis   end, exclusive; greater than {@code fromMillis}
     */
    public record Hole(long fromMillis, long toMillis) {

        /**
         * Checks the bounds.
         *
         * @param fromMillis first open time, inclusive
         * @param toMillis   end, exclusive
         * @throws IllegalArgumentException when {@code toMillis <= fromMillis}
         */
        public Hole {
            if (toMillis <= fromMillis) {
                throw new IllegalArgumentException("empty hole [" + fromMillis + ", " + toMillis + ")");
            }
        }

        /**
         * How many bars of a length could open in this range.
         *
         * @param timeframe the bar length
         * @return {@code ceil((toMillis - fromMillis) / timeframe.millis())}
         */
        public long slots(Timeframe timeframe) {
            return (toMillis - fromMillis + timeframe.millis() - 1) / timeframe.millis();
        }

        @Override
        public String toString() {
            return Instant.ofEpochMilli(fromMillis) + " .. " + Instant.ofEpochMilli(toMillis);
        }
    }

    /**
     * Bar slots of all holes.
     *
     * @param timeframe the bar length
     * @return the sum of {@link Hole#slots} over {@link #missing()}
     */
    public long missingSlots(Timeframe timeframe) {
        return missing.stream().mapToLong(h -> h.slots(timeframe)).sum();
    }

    /** Collects the stored open times of a range, in ascending order, into a coverage. Not thread-safe. */
    static final class Scan {

        private final long fromMillis;
        private final long toMillis;
        private final long step;
        private final List<Hole> missing = new ArrayList<>();
        private long stored;
        private long last = Long.MIN_VALUE;

        Scan(long fromMillis, long toMillis, Timeframe timeframe) {
            if (toMillis <= fromMillis) {
                throw new IllegalArgumentException("the range must not be empty: from " + Instant.ofEpochMilli(
                        fromMillis) + " to " + Instant.ofEpochMilli(toMillis));
            }
            this.fromMillis = fromMillis;
            this.toMillis = toMillis;
            this.step = timeframe.millis();
        }

        void add(long openTimeMillis) {
            if (stored == 0) {
                if (openTimeMillis - step >= fromMillis) {
                    missing.add(new Hole(fromMillis, openTimeMillis));
                }
            } else if (openTimeMillis > last + step) {
                missing.add(new Hole(last + step, openTimeMillis));
            }
            last = openTimeMillis;
            stored++;
        }

        BarCoverage result() {
            if (stored == 0) {
                missing.add(new Hole(fromMillis, toMillis));
            } else if (last + step < toMillis) {
                missing.add(new Hole(last + step, toMillis));
            }
            return new BarCoverage(stored, missing);
        }
    }
}
