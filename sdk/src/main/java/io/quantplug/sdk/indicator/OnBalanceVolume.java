package io.quantplug.sdk.indicator;

/**
 * Granville's on-balance volume, a running total in base units: a bar that closes above the previous close adds its
 * volume, one that closes below subtracts it, an unchanged close adds nothing; the first bar gives 0.
 *
 * <p>Source: J. E. Granville, <i>Granville's New Key to Stock Market Profits</i> (1963); the definition of ta4j's
 * {@code OnBalanceVolumeIndicator}. Defined from the first bar. The total is a compensated sum (Neumaier), so its
 * rounding error does not grow with the length of the series.
 */
public final class OnBalanceVolume implements BarIndicator {

    private final CompensatedSum total = new CompensatedSum();
    private long count;
    private double previousClose;
    private double value = Double.NaN;

    /** Creates the indicator; it needs no parameter. */
    public OnBalanceVolume() {
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        Inputs.requireBar(open, high, low, close, volume);
        if (count > 0) {
            if (close > previousClose) {
                total.add(volume);
            } else if (close < previousClose) {
                total.add(-volume);
            }
        }
        count++;
        previousClose = close;
        value = total.value();
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public int warmUpPeriod() {
        return 1;
    }

    @Override
    public boolean isReady() {
        return count >= 1;
    }

    @Override
    public long count() {
        return count;
    }
}
