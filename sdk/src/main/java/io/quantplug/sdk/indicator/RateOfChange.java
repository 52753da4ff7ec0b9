package io.quantplug.sdk.indicator;

/**
 * Rate of change over {@code period} inputs, in percent: {@code ROC_t = 100 (x_t - x_{t-n}) / x_{t-n}} with
 * {@code n = period}.
 *
 * <p>The standard momentum ratio (e.g. J. J. Murphy, <i>Technical Analysis of the Financial Markets</i> (1999),
 * ch. 10 "Oscillators"), and the definition of ta4j's {@code ROCIndicator}. Defined after {@code n + 1} inputs.
 * When {@code x_{t-n}} is zero the rate is undefined and the value is {@code NaN} (never with prices, which are
 * &gt; 0).
 */
public final class RateOfChange implements Indicator {

    private final int period;
    private final double[] window;
    private long count;
    private double value = Double.NaN;

    /**
     * Creates the indicator.
     *
     * @param period how many inputs back the comparison reaches, &ge; 1
     * @throws IllegalArgumentException when {@code period < 1}
     */
    public RateOfChange(int period) {
        this.period = Inputs.requireAtLeast("ROC", "period", period, 1);
        this.window = new double[period + 1];
    }

    @Override
    public double update(double input) {
        Inputs.requireFinite(input);
        window[(int) (count % window.length)] = input;
        count++;
        if (count > period) {
            double then = window[(int) (count % window.length)];
            value = then == 0.0 ? Double.NaN : 100.0 * (input - then) / then;
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public int warmUpPeriod() {
        return period + 1;
    }

    @Override
    public boolean isReady() {
        return count > period;
    }

    @Override
    public long count() {
        return count;
    }
}
