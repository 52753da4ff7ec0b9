package io.quantplug.sdk.indicator;

/**
 * Lane's stochastic oscillator, 0 to 100: {@code %K = 100 (C_t - LL_n) / (HH_n - LL_n)}, where {@code HH_n} and
 * {@code LL_n} are the highest high and the lowest low of the last {@code n} bars (this one included), and
 * {@code %D}, the simple mean of the last {@code d} values of {@code %K}.
 *
 * <p>Source: G. C. Lane, "Lane's Stochastics", <i>Technical Analysis of Stocks &amp; Commodities</i> 2(3), 1984;
 * 14 and 3 bars by default. This is the "fast" oscillator, the definition of ta4j's
 * {@code StochasticOscillatorKIndicator} and {@code StochasticOscillatorDIndicator}. {@link #value()} is {@code %K};
 * both become defined together, after {@code n + d - 1} bars.
 *
 * <p>When the window did not move at all ({@code HH_n = LL_n}) {@code %K} is the neutral 50, where ta4j divides by
 * zero (NaN).
 */
public final class StochasticOscillator implements BarIndicator {

    private final int period;
    private final int smoothing;
    private final Highest highest;
    private final Lowest lowest;
    private final double[] recentK;
    private long kCount;
    private double k = Double.NaN;
    private double dValue = Double.NaN;

    /**
     * Creates the oscillator.
     *
     * @param period    {@code n}, the look-back of {@code %K} in bars, &ge; 1 (14 by default)
     * @param smoothing {@code d}, the length of the {@code %D} average in values of {@code %K}, &ge; 1 (3 by default)
     * @throws IllegalArgumentException when a length is below 1
     */
    public StochasticOscillator(int period, int smoothing) {
        this.period = Inputs.requireAtLeast("stochastic oscillator", "period", period, 1);
        this.smoothing = Inputs.requireAtLeast("stochastic oscillator", "smoothing", smoothing, 1);
        this.highest = new Highest(period);
        this.lowest = new Lowest(period);
        this.recentK = new double[smoothing];
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        Inputs.requireBar(open, high, low, close, volume);
        double hh = highest.update(high);
        double ll = lowest.update(low);
        if (highest.isReady()) {
            double range = hh - ll;
            double kNow = range == 0.0 ? 50.0 : 100.0 * (close - ll) / range;
            recentK[(int) (kCount++ % smoothing)] = kNow;
            if (kCount >= smoothing) {
                k = kNow;
                dValue = mean(recentK);
            }
        }
        return k;
    }

    /** The mean summed afresh each bar (O(d), d being small), so 0 and 100 come out exact and stay in range. */
    private double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /**
     * The fast {@code %K}.
     *
     * @return 0 to 100, or {@code NaN} while warming up
     */
    @Override
    public double value() {
        return k;
    }

    /**
     * The {@code %D} line, the simple mean of the last {@code d} values of {@code %K}.
     *
     * @return 0 to 100, or {@code NaN} while warming up
     */
    public double d() {
        return dValue;
    }

    @Override
    public int warmUpPeriod() {
        return period + smoothing - 1;
    }

    @Override
    public boolean isReady() {
        return kCount >= smoothing;
    }

    @Override
    public long count() {
        return highest.count();
    }
}
