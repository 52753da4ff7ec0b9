package io.quantplug.sdk.indicator;

/**
 * Moving average convergence/divergence: the MACD line {@code EMA_fast(x) - EMA_slow(x)}, its signal line
 * {@code EMA_signal(MACD)} and the histogram {@code MACD - signal}, in the inputs' unit.
 *
 * <p>Source: G. Appel, <i>Technical Analysis: Power Tools for Active Investors</i> (2005), ch. 8: 12, 26 and 9
 * periods by default; the histogram is T. Aspray's (1986). The averages are {@link Ema}s, seeded with the simple
 * mean of their first inputs; the signal average starts on the first defined MACD value. {@link #value()} is the
 * MACD line; all three outputs become defined together, after {@code slow + signal - 1} inputs.
 *
 * <p>ta4j's {@code MACDIndicator} (and its {@code getSignalLine}, {@code getHistogram}) use the same formulas with
 * EMAs seeded by their first input instead; the two agree once the seeds' weights have decayed (after about
 * {@code 15 (slow + 1) + 15 (signal + 1)} inputs they are below {@code 1e-12}).
 */
public final class Macd implements Indicator {

    private final int slowPeriod;
    private final int signalPeriod;
    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    private double line = Double.NaN;
    private double signalValue = Double.NaN;

    /**
     * Creates the indicator.
     *
     * @param fastPeriod   the fast average's period, &ge; 1 and &lt; {@code slowPeriod} (12 in the book)
     * @param slowPeriod   the slow average's period, &gt; {@code fastPeriod} (26 in the book)
     * @param signalPeriod the signal average's period, &ge; 1 (9 in the book)
     * @throws IllegalArgumentException when a period is outside its range
     */
    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        Inputs.requireAtLeast("MACD", "fastPeriod", fastPeriod, 1);
        this.slowPeriod = Inputs.requireAtLeast("MACD", "slowPeriod (> fastPeriod " + fastPeriod + ")", slowPeriod,
                fastPeriod + 1);
        this.signalPeriod = Inputs.requireAtLeast("MACD", "signalPeriod", signalPeriod, 1);
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.signal = new Ema(signalPeriod);
    }

    @Override
    public double update(double input) {
        double f = fast.update(input);
        double s = slow.update(input);
        if (slow.isReady()) {
            double l = f - s;
            double g = signal.update(l);
            if (signal.isReady()) {
                line = l;
                signalValue = g;
            }
        }
        return line;
    }

    /**
     * The MACD line.
     *
     * @return {@code EMA_fast - EMA_slow}, or {@code NaN} while warming up
     */
    @Override
    public double value() {
        return line;
    }

    /**
     * The signal line.
     *
     * @return the EMA of the MACD line, or {@code NaN} while warming up
     */
    public double signal() {
        return signalValue;
    }

    /**
     * The histogram.
     *
     * @return {@code MACD - signal}, or {@code NaN} while warming up
     */
    public double histogram() {
        return line - signalValue;
    }

    @Override
    public int warmUpPeriod() {
        return slowPeriod + signalPeriod - 1;
    }

    @Override
    public boolean isReady() {
        return signal.isReady();
    }

    @Override
    public long count() {
        return slow.count();
    }
}
