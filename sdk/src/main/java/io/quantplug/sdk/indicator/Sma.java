package io.quantplug.sdk.indicator;

/**
 * Simple moving average: the arithmetic mean of the last {@code period} inputs.
 *
 * <p>Kept as a running sum over a ring buffer, so each update is O(1). The sum is compensated (Neumaier's
 * improvement of Kahan summation, Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 * Summen", ZAMM 54), so its rounding error does not grow with the length of the series and a constant input gives
 * exactly that constant. Each update adds one difference, {@code input - leaving}; for inputs within a factor of two
 * of each other (prices in one window) that subtraction is exact (Sterbenz's lemma), so one compensated addition
 * does the work of two.
 */
public final class Sma implements Indicator {

    private final int period;
    private final double[] window;
    private int next;
    private long count;
    private double sum;
    private double compensation;
    private double value = Double.NaN;

    /**
     * Creates the average.
     *
     * @param period window length in inputs, &ge; 1
     * @throws IllegalArgumentException when {@code period < 1}
     */
    public Sma(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("SMA period must be >= 1, got " + period);
        }
        this.period = period;
        this.window = new double[period];
    }

    @Override
    public double update(double input) {
        if (!Double.isFinite(input)) {
            throw Inputs.notFinite(input);
        }
        int i = next;
        double x = input - window[i];
        window[i] = input;
        next = i + 1 == period ? 0 : i + 1;
        double s = sum;
        double t = s + x;
        compensation += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
        sum = t;
        value = ++count >= period ? (t + compensation) / period : Double.NaN;
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
        return count >= period;
    }

    @Override
    public long count() {
        return count;
    }

    /**
     * The window length.
     *
     * @return the period
     */
    public int period() {
        return period;
    }
}
