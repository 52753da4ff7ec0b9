package io.quantplug.plugins.signals;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds bars of a higher timeframe from the bars of one instrument as they complete, the way an exchange builds
 * its klines: buckets {@code [k T, (k + 1) T)} of the target length {@code T} aligned to the UTC epoch (so
 * {@code 1d} buckets start at 00:00 UTC and {@code 4h} ones at 00:00, 04:00, ... UTC, as Binance's do); open of the
 * first bar, highest high, lowest low, close of the last bar, summed volume. The SDK has no bar aggregation, hence
 * this class.
 *
 * <p>No look-ahead: a higher bar is returned only once complete, i.e. when the input bar that ends its bucket
 * arrives ({@code closeTime = bucket end}), or, when the bucket's last input bars are missing (an exchange outage),
 * when the first bar of a later bucket arrives. A bucket keeps whatever input bars exist: minutes without trades or
 * lost to an outage are simply absent, as in the exchange's own bars (checked against Binance's 1h and 1d klines in
 * the tests). The first bucket of a series is dropped when the series starts after the bucket's open: its earlier
 * part was never seen.
 *
 * <p>Not thread-safe: the engine thread.
 */
final class BarAggregator {

    private final Timeframe target;
    private Bar partial;
    private boolean partialComplete;
    private boolean started;

    /**
     * Creates an aggregator.
     *
     * @param target the higher timeframe, a whole multiple of the input bars' timeframe
     */
    BarAggregator(Timeframe target) {
        this.target = target;
    }

    /**
     * Whether bars of a timeframe can be aggregated into the target: the target is a whole multiple of it.
     *
     * @param input the input bars' timeframe
     * @param target the higher timeframe
     * @return true when {@code target} is a positive whole multiple of {@code input}
     */
    static boolean canAggregate(Timeframe input, Timeframe target) {
        return target.millis() >= input.millis() && target.millis() % input.millis() == 0;
    }

    /**
     * Takes the next completed input bar.
     *
     * @param bar the bar, later than the previous one; its timeframe divides the target
     * @return the higher bars completed by this bar, oldest first: none, one, or (after an outage) two
     * @throws IllegalArgumentException when the bar's timeframe does not divide the target or the bar is older than
     *                                  the bucket being built
     */
    List<Bar> add(Bar bar) {
        if (!canAggregate(bar.timeframe(), target)) {
            throw new IllegalArgumentException(bar.timeframe() + " bars cannot be aggregated into " + target
                    + " bars: " + target + " is not a whole multiple of " + bar.timeframe());
        }
        List<Bar> done = new ArrayList<>(2);
        long bucket = Math.floorDiv(bar.openTimeMillis(), target.millis()) * target.millis();
        if (partial != null && bucket != partial.openTimeMillis()) {
            if (bucket < partial.openTimeMillis()) {
                throw new IllegalArgumentException("bar at " + bar.openTime() + " is older than the " + target
                        + " bucket being built (" + partial.openTime() + ")");
            }
            if (partialComplete) {
                done.add(partial);
            }
            partial = null;
        }
        if (partial == null) {
            partialComplete = started || bar.openTimeMillis() == bucket;
            started = true;
            partial = new Bar(bar.instrument(), target, bucket, bar.open(), bar.high(), bar.low(), bar.close(),
                    bar.volume());
        } else {
            partial = new Bar(bar.instrument(), target, bucket, partial.open(), Math.max(partial.high(), bar.high()),
                    Math.min(partial.low(), bar.low()), bar.close(), partial.volume() + bar.volume());
        }
        if (bar.closeTimeMillis() >= bucket + target.millis()) {
            if (partialComplete) {
                done.add(partial);
            }
            partial = null;
        }
        return done;
    }

    /**
     * The bucket being built, for diagnostics and snapshots; never used for decisions.
     *
     * @return the incomplete bar, or null
     */
    Bar partial() {
        return partial;
    }

    /**
     * Whether the bucket being built covers its whole span so far (it will be returned when complete).
     *
     * @return false for a first bucket entered after its open
     */
    boolean partialCounts() {
        return partialComplete;
    }

    /**
     * Continues from a snapshot: the bucket being built and whether it counts.
     *
     * @param bucket  the incomplete bar, or null
     * @param counts  whether it will be returned when complete
     * @param begun   whether any bar was seen before (later buckets always count)
     */
    void restore(Bar bucket, boolean counts, boolean begun) {
        this.partial = bucket;
        this.partialComplete = counts;
        this.started = begun;
    }

    /**
     * Whether any bar was seen.
     *
     * @return true after the first bar
     */
    boolean started() {
        return started;
    }
}
