package io.quantplug.sdk.execution;

import io.quantplug.api.order.Side;
import io.quantplug.api.strategy.StrategyContext;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Volume-weighted average price: a parent order sent as market orders at evenly spaced times, each slice's share of
 * the parent being the share of the market's volume a {@link VolumeCurve} expects at that time (the recorded volume
 * profile), so the execution trades more when the market does and its average tracks the period's VWAP. Slices
 * round down to the lot; the last takes the rest; with an empty curve the slices are equal (TWAP). It reports as
 * {@link Twap} does, with algorithm {@code vwap}.
 *
 * <p>Threading: the engine thread, from the strategy's callbacks. Source: the static VWAP schedule of Madhavan,
 * "VWAP strategies", Trading 2002(1), and Kissell (2013), ch. 3; the curve must come from volume seen before the
 * execution starts (no look-ahead).
 */
public final class Vwap extends SlicedExecution {

    private final VolumeCurve curve;

    /**
     * A VWAP execution, not started.
     *
     * @param ctx            the strategy's context
     * @param timerPrefix    the name its timers start with, unique among the strategy's timers
     * @param side           buy or sell
     * @param quantity       the parent quantity, base units, &gt; 0
     * @param durationMillis the period, &ge; 0 ms
     * @param slices         how many child orders, 1 to 10,000
     * @param curve          the expected volume by time, read when the execution starts
     * @throws IllegalArgumentException when a value is out of its range
     */
    public Vwap(StrategyContext ctx, String timerPrefix, Side side, BigDecimal quantity, long durationMillis,
                int slices, VolumeCurve curve) {
        super(ctx, "vwap", timerPrefix, side, quantity, durationMillis, slices);
        this.curve = Objects.requireNonNull(curve, "curve");
    }

    @Override
    double[] weights(long[] sliceTimes) {
        double[] w = new double[sliceTimes.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = curve.share(sliceTimes[i]);
        }
        return w;
    }
}
