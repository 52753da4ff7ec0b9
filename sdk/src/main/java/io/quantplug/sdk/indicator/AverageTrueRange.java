package io.quantplug.sdk.indicator;

/**
 * Wilder's average true range: a smoothed {@link TrueRange}, in quote currency per base unit, &ge; 0.
 *
 * <p>Source: J. Welles Wilder Jr., <i>New Concepts in Technical Trading Systems</i> (1978), section "Volatility".
 * With {@code n = period}: the first value is the simple mean of the first {@code n} true ranges (defined after
 * {@code n} bars); after that {@code ATR_t = (ATR_{t-1} (n - 1) + TR_t) / n} (Wilder's smoothing, an exponential
 * average with {@code alpha = 1/n}).
 *
 * <p>ta4j's {@code ATRIndicator} smooths the same true range with its {@code MMAIndicator}, the same recursion, but
 * seeds it with the first true range instead of the mean of the first {@code n}; the two agree once the seed's
 * weight {@code ((n - 1) / n)^k} is negligible (after about {@code 30 n} bars it is below {@code 1e-13}).
 */
public final class AverageTrueRange implements BarIndicator {

    private final int period;
    private final TrueRange trueRange = new TrueRange();
    private double seedSum;
    private double value = Double.NaN;

    /**
     * Creates the average.
     *
     * @param period Wilder's {@code n}, &ge; 1 (14 in the book)
     * @throws IllegalArgumentException when {@code period < 1}
     */
    public AverageTrueRange(int period) {
        this.period = Inputs.requireAtLeast("ATR", "period", period, 1);
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        double tr = trueRange.update(open, high, low, close, volume);
        long count = trueRange.count();
        if (count < period) {
            seedSum += tr;
        } else if (count == period) {
            value = (seedSum + tr) / period;
        } else {
            value = (value * (period - 1) + tr) / period;
        }
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
        return trueRange.count() >= period;
    }

    @Override
    public long count() {
        return trueRange.count();
    }

    /**
     * The smoothing length.
     *
     * @return Wilder's {@code n}
     */
    public int period() {
        return period;
    }
}
