package io.quantplug.sdk.indicator;

/**
 * Wilder's true range of each bar, in quote currency per base unit, &ge; 0.
 *
 * <p>Source: J. Welles Wilder Jr., <i>New Concepts in Technical Trading Systems</i> (1978), section "Volatility":
 * {@code TR_t = max(H_t - L_t, |H_t - C_{t-1}|, |L_t - C_{t-1}|)}, the bar's range widened to include a gap from
 * the previous close. The first bar has no previous close and its true range is {@code H_0 - L_0}, as in ta4j's
 * {@code TRIndicator}; the value is therefore defined from the first bar on.
 */
public final class TrueRange implements BarIndicator {

    private long count;
    private double previousClose;
    private double value = Double.NaN;

    /** Creates the indicator; it needs no parameter. */
    public TrueRange() {
    }

    @Override
    public double update(double open, double high, double low, double close, double volume) {
        Inputs.requireBar(open, high, low, close, volume);
        double tr = high - low;
        if (count > 0) {
            tr = Math.max(tr, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
        }
        count++;
        previousClose = close;
        value = tr;
        return tr;
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
