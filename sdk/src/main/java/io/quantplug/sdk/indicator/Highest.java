package io.quantplug.sdk.indicator;

/**
 * The largest of the last {@code period} inputs, the newest included: fed bar highs it gives the highest high of the
 * last {@code period} bars (the channel of R. Donchian's breakout rules, and the extreme of the stochastic
 * oscillator).
 *
 * <p>Same definition as ta4j's {@code HighestValueIndicator} once {@code period} inputs were fed (ta4j also reports a value over
 * the shorter history before that; this class reports {@code NaN}). Amortised O(1) per update, O(period) memory.
 */
public final class Highest implements Indicator {

    private final int period;
    private final ExtremumWindow window;
    private double value = Double.NaN;

    /**
     * Creates the indicator.
     *
     * @param period the window length in inputs, &ge; 1
     * @throws IllegalArgumentException when {@code period < 1}
     */
    public Highest(int period) {
        this.period = Inputs.requireAtLeast("Highest", "period", period, 1);
        this.window = new ExtremumWindow(period, true);
    }

    @Override
    public double update(double input) {
        Inputs.requireFinite(input);
        double x = window.add(input);
        value = window.count() >= period ? x : Double.NaN;
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public int warmUpPeriod() {
        return period;
    }

    @Override
    public boolean isReady() {
        return window.count() >= period;
    }

    @Override
    public long count() {
        return window.count();
    }
}
